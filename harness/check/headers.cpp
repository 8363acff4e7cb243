#include "check/check_input.hpp"
#include "check/regex_cache.hpp"

namespace ac {

namespace {
const char* rule_of(HeaderMatch m) {
  switch (m) {
    case HeaderMatch::Present: return "present";
    case HeaderMatch::Absent: return "absent";
    case HeaderMatch::Equals: return "equals";
    case HeaderMatch::Matches: return "matches";
  }
  return "present";
}
}  // namespace

void check_headers(const CheckInput& in, Findings& out) {
  if (in.other_kind) return;  // the headers of another kind of reply say nothing new
  check_header_expectations(in.expect.headers, in.exchange.response_headers, out);
}

void check_header_expectations(const std::vector<HeaderExpectation>& expected, const Headers& headers, Findings& out) {
  for (const auto& h : expected) {
    auto actual = find_header(headers, h.name);
    std::string pointer = "header:" + h.name;
    auto fail = [&](std::string expected, std::string got, std::string message) {
      Finding f{"header", pointer, std::move(expected), std::move(got), std::move(message), h.severity};
      f.rule = rule_of(h.match);
      f.where = h.where;
      out.push_back(std::move(f));
    };
    switch (h.match) {
      case HeaderMatch::Present:
        if (!actual) fail("present", "absent", "response header " + h.name + " is missing");
        break;
      case HeaderMatch::Absent:
        if (actual) fail("absent", *actual, "response header " + h.name + " must not be sent");
        break;
      case HeaderMatch::Equals:
        if (!actual) fail(h.value, "absent", "response header " + h.name + " is missing");
        else if (*actual != h.value) fail(h.value, *actual, "response header " + h.name + " has the wrong value");
        break;
      case HeaderMatch::Matches:
        if (!actual) {
          fail("matches /" + h.value + "/", "absent", "response header " + h.name + " is missing");
        } else {
          try {
            if (!std::regex_search(*actual, cached_regex(h.value, std::regex::ECMAScript | std::regex::icase)))
              fail("matches /" + h.value + "/", *actual, "response header " + h.name + " does not match");
          } catch (const std::regex_error& e) {
            fail("matches /" + h.value + "/", *actual, std::string("invalid pattern: ") + e.what());
          }
        }
        break;
    }
  }
}

}  // namespace ac
