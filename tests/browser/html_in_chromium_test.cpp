#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <string>

#include <sys/wait.h>

#include "report/report.hpp"
#include "unit/report/report_fixture.hpp"
#include "unit/results/scratch_dir.hpp"

// Opens the HTML report in headless Chromium (Debian's `chromium`), as a person would from
// file://, and checks that it renders, logs nothing to the console, and that the hostile provider
// text in the fixture ran nothing. Labelled third-party in tests/CMakeLists.txt: it exercises a
// browser, not our code, and is slow.

namespace ac {
namespace {

std::string find_chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    const std::string probe = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(probe.c_str()) == 0) return name;
  }
  return "";
}

struct Rendered {
  int exit_code = -1;
  std::string dom;      // --dump-dom: the DOM after scripts (if any) ran
  std::string console;  // the console lines Chromium logged (page errors, CSP violations...)
};

Rendered open_in_chromium(const std::string& chromium, const testing::ScratchDir& dir, const std::string& html) {
  const std::string page = dir.file("report.html");
  testing::write_text(page, html);
  const std::string cmd = chromium +
                          " --headless --no-sandbox --disable-gpu --disable-background-networking"
                          " --disable-component-update --disable-sync --no-first-run --user-data-dir='" +
                          dir.file("profile") + "' --enable-logging=stderr --v=0 --dump-dom 'file://" + page + "' > '" +
                          dir.file("dom.html") + "' 2> '" + dir.file("stderr.txt") + "'";
  Rendered r;
  const int status = std::system(("timeout 90 " + cmd).c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.dom = testing::read_text(dir.file("dom.html"));
  // Chromium logs every console message (console.error, CSP violations, uncaught exceptions)
  // as a ":CONSOLE" line when logging to stderr.
  const std::string log = testing::read_text(dir.file("stderr.txt"));
  static const std::regex console_line(R"([^\n]*:CONSOLE[^\n]*)");
  for (auto it = std::sregex_iterator(log.begin(), log.end(), console_line); it != std::sregex_iterator(); ++it) {
    r.console += it->str() + "\n";
  }
  return r;
}

bool marker_ran(const std::string& dom) {
  static const std::regex pwned_body(R"(<body[^>]*data-pwned)");
  return std::regex_search(dom, pwned_body) || dom.find("<title>PWNED</title>") != std::string::npos;
}

class HtmlInChromium : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = find_chromium();
    if (chromium_.empty()) GTEST_SKIP() << "chromium is not installed (apt-get install chromium; ci/setup.sh does)";
  }
  std::string chromium_;
};

TEST_F(HtmlInChromium, RendersWithoutConsoleErrorsAndRunsNoProviderText) {
  testing::ScratchDir dir;
  const Rendered r = open_in_chromium(chromium_, dir, render_html(testing::report_fixture()));
  ASSERT_EQ(r.exit_code, 0) << testing::read_text(dir.file("stderr.txt")).substr(0, 4000);
  EXPECT_NE(r.dom.find("<table class=\"matrix\">"), std::string::npos) << "the page did not render";
  EXPECT_NE(r.dom.find("<svg class=\"latency\""), std::string::npos);
  EXPECT_NE(r.dom.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos)
      << "hostile text should be in the page as text";
  EXPECT_EQ(r.console, "") << "console messages while loading the report";
  EXPECT_FALSE(marker_ran(r.dom)) << "an injected script or handler ran";
  EXPECT_NE(r.dom.find("<title>apiconform compatibility report</title>"), std::string::npos);
}

// The Content-Security-Policy would block a script even if escaping failed; without it the
// escaping alone must hold.
TEST_F(HtmlInChromium, EscapingAloneKeepsProviderTextInert) {
  std::string html = render_html(testing::report_fixture());
  const std::size_t csp = html.find("<meta http-equiv=\"Content-Security-Policy\"");
  ASSERT_NE(csp, std::string::npos);
  html.erase(csp, html.find('\n', csp) + 1 - csp);
  testing::ScratchDir dir;
  const Rendered r = open_in_chromium(chromium_, dir, html);
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.dom.find("<table class=\"matrix\">"), std::string::npos);
  EXPECT_EQ(r.console, "");
  EXPECT_FALSE(marker_ran(r.dom));
}

// The check above can fail: the same payload placed unescaped in a page does run.
TEST_F(HtmlInChromium, TheMarkerDetectsAPayloadThatRuns) {
  testing::ScratchDir dir;
  const Rendered r = open_in_chromium(
      chromium_, dir, "<!DOCTYPE html><html><head><title>t</title></head><body>" + testing::kMarkerScript + "</body></html>");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_TRUE(marker_ran(r.dom)) << r.dom;
}

}  // namespace
}  // namespace ac
