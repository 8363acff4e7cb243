#include "model/finding.hpp"
#include "model/result.hpp"

namespace ac {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Breaking: return "breaking";
    case Severity::Cosmetic: return "cosmetic";
    case Severity::Warning: return "warning";
    case Severity::Lenient: return "lenient";
  }
  return "breaking";
}

bool parse_severity(const std::string& text, Severity& out) {
  for (Severity s : {Severity::Breaking, Severity::Cosmetic, Severity::Warning, Severity::Lenient}) {
    if (text == to_string(s)) {
      out = s;
      return true;
    }
  }
  return false;
}

int severity_rank(Severity s) {
  switch (s) {
    case Severity::Breaking: return 0;
    case Severity::Lenient: return 1;
    case Severity::Cosmetic: return 2;
    case Severity::Warning: return 3;
  }
  return 0;
}

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "pass";
    case Verdict::Fail: return "fail";
    case Verdict::Error: return "error";
    case Verdict::Skip: return "skip";
    case Verdict::Unsupported: return "unsupported";
    case Verdict::Known: return "known";
    case Verdict::NotRun: return "not_run";
  }
  return "error";
}

bool parse_verdict(const std::string& text, Verdict& out) {
  for (Verdict v : {Verdict::Pass, Verdict::Fail, Verdict::Error, Verdict::Skip, Verdict::Unsupported,
                    Verdict::Known, Verdict::NotRun}) {
    if (text == to_string(v)) {
      out = v;
      return true;
    }
  }
  return false;
}

}  // namespace ac
