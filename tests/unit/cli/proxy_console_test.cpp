// The proxy's live line: redrawn in place on a terminal, and cut to 160 bytes on a character
// boundary (an exchange's name holds " · ", two bytes of one character).
#include "cli/proxy_console.hpp"

#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "util/utf8.hpp"

namespace ac {
namespace {

TEST(ProxyConsole, TheLiveLineIsCutOnACharacterBoundary) {
  std::ostringstream out;
  ConsoleOptions options;
  options.tty = true;
  ProxyConsole console(out, options);
  std::string last;
  // Names of many lengths, so that byte 160 falls on each byte of a "·" in turn.
  for (std::size_t pad = 40; pad < 110; ++pad) {
    Result r;
    r.case_id = "#1 POST /v1/messages" + std::string(pad, 'x') + " · claude-sonnet-4-5 · " + std::string(40, 'y');
    r.provider = "proxy";
    r.verdict = Verdict::Fail;  // drawn every time, not at most ten times a second
    r.exchange.status = 200;
    console.on_result(r);
    const std::string text = out.str();
    last = text.substr(text.rfind("\033[K") + 3);
    EXPECT_LE(last.size(), 160u);
    EXPECT_TRUE(is_valid_utf8(last)) << "pad " << pad << ": " << last;
  }
}

}  // namespace
}  // namespace ac
