#pragma once
#include <string>
#include <vector>

#include "model/finding.hpp"

namespace ac {

// One finding of a deviation, as an example a person can act on (and reproduce with `curl`).
struct DeviationExample {
  std::string case_id;
  std::string pointer;
  std::string expected;
  std::string actual;
  std::string message;
  std::string at;    // file:line of the expectation
  std::string curl;  // reproduces the example's request; keys as $VARIABLE
};

// A deviation: one finding code on one provider, however many cases show it (docs/reports.md,
// "Deviations"). The unit that reports count, the matrix explains and baselines compare.
struct Deviation {
  std::string id;        // "D1", "D2"... per provider, in report order (breaking first, then reach)
  std::string provider;
  std::string code;
  Severity severity = Severity::Breaking;
  std::string title;     // what differs, in one line (the example's message, or the set-up's)
  std::string reason;    // why that severity: the severity table's row ("" when the case decided)
  std::vector<std::string> cases;     // case ids that show it, sorted
  std::vector<std::string> features;  // their features, sorted
  std::string owner;     // the feature it belongs to; elsewhere its cases are collateral
  bool declared = false;  // every case showing it is a declared known deviation of the profile
  DeviationExample example;
};

}  // namespace ac
