// Any input gives diagnostics, never an exception, a crash or a hang (load_cases_from_string is
// also a fuzz target; these are the shapes that once hurt).
#include <random>

#include "load/case_loader.hpp"
#include "load/provider_loader.hpp"
#include "load_test_util.hpp"

namespace ac {
namespace {

const char* kSeed = R"(cases:
  - id: messages.basic
    feature: messages.basic
    request:
      endpoint: messages
      headers: {anthropic-version: null, x-a: "{{env.A}}"}
      json: {model: "{{model}}", max_tokens: 16, messages: [{role: user, content: hi}]}
    expect:
      status: [200, 201]
      headers: {content-type: {matches: "^application/json"}, request-id: present}
      json:
        /type: message
        /usage/output_tokens: {type: integer, range: {min: 1}, length: {max: 3}}
        /content: {one_of: [[], [1]]}
      stream: {timing: {total_ms: 5}, folded: {/a: exists}, compare_with: x}
)";

TEST(LoaderRobustness, KnownHostileInputsGiveDiagnostics) {
  const std::vector<std::string> inputs = {
      ", \"usage\": ",                                   // yaml-cpp LoadAll would loop forever
      std::string(5000, '['),                            // deep nesting
      "a: &a [*a]\n",                                    // a self-referencing alias
      "id: a\nfeature: f\nrequest: {endpoint: messages, json: &j {a: *j}}\nexpect: {}\n",
      "id: a\nfeature: f\nrequest: {endpoint: messages, json: &j [*j, *j]}\nexpect: {}\n",  // 2^200 walks
      "id: a\nfeature: f\nrequest: {endpoint: messages, json: &a [x, x, x, x, x, x, x, x, x, x]}\n"
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
      "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n",  // a billion laughs
      "id: a\nfeature: f\nrequest: {endpoint: models}\nexpect: {json: {/a: {matches: \"" +
          std::string(3000, '(') + "\"}}}\n",           // a regex too deep to compile safely
      "id: a\nfeature: f\nrequest: {endpoint: models}\nexpect: {json: {/a: {matches: \"a{99999}{99999}\"}}}\n",
      std::string("\0\xff\xfe", 3),
      "? [a, b]\n: c\n",
      "!!binary aGVsbG8=\n",
      "%YAML 1.2\n---\n",
  };
  for (const auto& input : inputs) {
    std::vector<Case> cases;
    Diagnostics d;
    EXPECT_NO_THROW(d = load_cases_from_string(input, "hostile.yaml", cases)) << input.substr(0, 60);
    EXPECT_FALSE(d.empty()) << input.substr(0, 60);
    Provider p;
    EXPECT_NO_THROW(load_provider_from_string(input, "hostile.yaml", p));
  }
}

TEST(LoaderRobustness, MutatedCaseFilesNeverThrow) {
  std::mt19937 rng(12345);  // fixed: a failure must be reproducible
  const std::string seed = kSeed;
  const std::string alphabet = "{}[]:,-'\"&*!|>#? \n\tabc01/~.";
  for (int round = 0; round < 2000; ++round) {
    std::string text = seed;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % (text.size() + 1);
      switch (rng() % 3) {
        case 0: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
        case 1: if (at < text.size()) text.erase(at, 1); break;
        default: if (at < text.size()) text[at] = alphabet[rng() % alphabet.size()]; break;
      }
    }
    std::vector<Case> cases;
    Diagnostics d;
    ASSERT_NO_THROW(d = load_cases_from_string(text, "mutated.yaml", cases)) << text;
    for (const auto& diag : d) {
      ASSERT_EQ(diag.where.file, "mutated.yaml");
      ASSERT_FALSE(diag.message.empty());
    }
  }
}

}  // namespace
}  // namespace ac
