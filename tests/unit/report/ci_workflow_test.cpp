#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "unit/report/golden.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

// ci/github-actions.yml is an example users copy: it must stay valid YAML and keep doing what
// docs/reports.md promises (key from a secret, HTML artifact, JUnit published).
const char* kCheckScript = R"PY(
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
steps = wf['jobs']['conformance']['steps']
uses = [s.get('uses', '') for s in steps]
run = next(s for s in steps if 'apiconform run' in s.get('run', ''))
assert 'secrets.' in str(run['env']), 'the key must come from a secret'
assert '--format html,md,junit' in run['run']
assert any(u.startswith('actions/upload-artifact@') for u in uses)
upload = next(s for s in steps if s.get('uses', '').startswith('actions/upload-artifact@'))
assert 'reports/ci/report.html' in upload['with']['path'] and upload['if'] == 'always()'
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
