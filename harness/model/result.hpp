#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/exchange.hpp"
#include "model/finding.hpp"
#include "model/upstream_record.hpp"

namespace ac {

// NotRun: the run was interrupted before this case got a reply (docs/exit-codes.md).
enum class Verdict { Pass, Fail, Error, Skip, Unsupported, Known, NotRun };

const char* to_string(Verdict v);
bool parse_verdict(const std::string& text, Verdict& out);

struct Result {
  std::string case_id;
  std::string title;
  std::string provider;
  std::string feature;
  std::vector<std::string> tags;
  Verdict verdict = Verdict::Pass;
  std::string reason;       // for error/skip/unsupported/known: why
  bool fixed = false;       // a declared known deviation that now passes
  int repeat = 0;           // 0-based repeat index (with --repeat)
  Findings findings;
  Exchange exchange;
  // Upstream mode only: what the gateway forwarded for this case and what the upstream answered.
  std::optional<UpstreamRecord> upstream;
};

}  // namespace ac
