#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "unit/report/golden.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

// ci/github-actions.yml is an example users copy: it must stay valid YAML, use the action at the
// repository root (action.yml) with inputs it declares, and keep doing what docs/reports.md
// promises (key from a secret, reports uploaded as an artifact even after a failure, JUnit published).
const char* kCheckScript = R"PY(
import os, sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
action = yaml.safe_load(open(os.path.join(os.path.dirname(sys.argv[1]), '..', 'action.yml')))
steps = wf['jobs']['conformance']['steps']
run = next(s for s in steps if s.get('uses') == './')
assert set(run['with']) <= set(action['inputs']), 'inputs the action does not declare'
assert 'secrets.' in str(run['with']['key']), 'the key must come from a secret'
assert run['with']['formats'] == 'html,md,junit' and run['with']['out'] == 'reports/ci'
upload = next(s for s in action['runs']['steps'] if s.get('uses', '').startswith('actions/upload-artifact@'))
assert upload['with']['path'] == '${{ inputs.out }}' and upload['if'] == 'always()'
reporter = next(s for s in steps if s.get('uses', '').startswith('dorny/test-reporter@'))
assert reporter['with']['path'] == 'reports/ci/junit.xml' and reporter['with']['reporter'] == 'java-junit'
assert 'push' in wf[True] if True in wf else 'push' in wf['on']
print('ok')
)PY";

TEST(CiWorkflowExample, IsValidAndPublishesTheReports) {
  if (std::system("python3 -c 'import yaml' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 with the yaml module is not installed (Debian: python3-yaml)";
  }
  testing::ScratchDir dir;
  testing::write_text(dir.file("check.py"), kCheckScript);
  const std::string workflow = testing::golden_dir() + "/../../ci/github-actions.yml";
  const std::string cmd = "python3 '" + dir.file("check.py") + "' '" + workflow + "' > '" + dir.file("out.txt") + "' 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << testing::read_text(dir.file("out.txt"));
}

}  // namespace
}  // namespace ac
