#include "report/deviation_text.hpp"

#include "report/escape.hpp"
#include "results/deviations.hpp"

namespace ac {

std::vector<const Deviation*> deviations_of(const ResultsFile& file, const std::string& provider) {
  std::vector<const Deviation*> out;
  for (const auto& d : file.deviations)
    if (d.provider == provider) out.push_back(&d);
  return out;
}

std::string reach_text(const Deviation& d) {
  if (d.cases.empty()) return "set-up";
  auto plural = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string text = plural(d.cases.size(), "case", "cases") + " in " + plural(d.features.size(), "feature", "features");
  if (d.declared) text += " (declared)";
  return text;
}

std::string example_text(const Deviation& d, std::size_t max_bytes) {
  if (d.cases.empty()) return "";
  std::string text = "expected " + excerpt(d.example.expected, max_bytes);
  if (!d.example.actual.empty()) text += ", got " + excerpt(d.example.actual, max_bytes);
  return text;
}

std::string setup_text(const ProviderRun& p) {
  if (p.messages_path.empty() && p.auth.empty()) return "";
  return p.messages_path + " \xC2\xB7 " + p.auth;
}

std::string official_setup_text() {
  return std::string(kOfficialMessagesPath) + " \xC2\xB7 " + kOfficialAuth;
}

}  // namespace ac
