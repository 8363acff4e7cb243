#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>

#include "report/report.hpp"
#include "unit/report/report_fixture.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Python's XML parser is strict about well-formedness; the script also checks the structure the
// CI consumers rely on and prints what it found, so a failure says what is wrong.
const char* kCheckScript = R"PY(
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == 'testsuites', root.tag
for suite in root.findall('testsuite'):
    cases = suite.findall('testcase')
    assert int(suite.get('tests')) == len(cases), (suite.get('name'), suite.get('tests'), len(cases))
    for kind, attr in (('failure', 'failures'), ('error', 'errors'), ('skipped', 'skipped')):
        n = sum(1 for c in cases if c.find(kind) is not None)
        assert int(suite.get(attr)) == n, (suite.get('name'), kind, suite.get(attr), n)
    for c in cases:
        assert c.get('classname') and c.get('name') and c.get('time') is not None
        outcomes = [k for k in ('failure', 'error', 'skipped') if c.find(k) is not None]
        assert len(outcomes) <= 1, outcomes
print('ok', len(root.findall('testsuite')))
)PY";

TEST(Junit, IsWellFormedAndConsistentForAStrictParser) {
  if (std::system("python3 -c 'import xml.etree.ElementTree' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 is not installed (ci/setup.sh installs it for the tests)";
  }
  testing::ScratchDir dir;
  std::string error;
  ASSERT_TRUE(write_report("junit", testing::report_fixture(), dir.file("junit.xml"), error)) << error;
  testing::write_text(dir.file("check.py"), kCheckScript);
  const std::string cmd = "python3 '" + dir.file("check.py") + "' '" + dir.file("junit.xml") + "' > '" +
                          dir.file("out.txt") + "' 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << testing::read_text(dir.file("out.txt"));
  EXPECT_EQ(testing::read_text(dir.file("out.txt")), "ok 3\n");
}

TEST(Junit, MapsVerdictsToJunitElements) {
  const std::string xml = render_junit(testing::report_fixture());
  EXPECT_EQ(count(xml, "<testsuite "), 3);
  EXPECT_NE(xml.find("<testcase classname=\"messages.basic\" name=\"messages.basic-text\""), std::string::npos);
  EXPECT_EQ(count(xml, "<failure "), 3);   // reference errors, hostile basic + stream
  EXPECT_EQ(count(xml, "<error "), 1);     // the transport error
  EXPECT_EQ(count(xml, "<skipped "), 5);   // known, 2 unsupported, 1 skip, the not-run provider
  EXPECT_NE(xml.find("<skipped message=\"known: tool_choice none is not implemented yet (issue #12)\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("<skipped message=\"not run: set ANTHROPIC_API_KEY\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<property name=\"attempts\" value=\"3\"/>"), std::string::npos);
  EXPECT_NE(xml.find("type=\"cosmetic\""), std::string::npos) << "the cosmetic stream failure keeps its severity";
  EXPECT_NE(xml.find("timestamp=\"2026-11-22T10:00:00\""), std::string::npos);
}

TEST(Junit, EscapesProviderText) {
  const std::string xml = render_junit(testing::report_fixture());
  EXPECT_EQ(xml.find("<script"), std::string::npos);
  EXPECT_EQ(xml.find("<img"), std::string::npos);
  EXPECT_NE(xml.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos) << "XML 1.0 forbids most control characters";
}

TEST(Junit, RepeatsGetDistinctTestcaseNames) {
  const std::string xml = render_junit(testing::repeats_fixture());
  EXPECT_NE(xml.find("name=\"messages.flaky [repeat 2/3]\""), std::string::npos);
  EXPECT_EQ(count(xml, "<testcase "), 9);
}

}  // namespace
}  // namespace ac
