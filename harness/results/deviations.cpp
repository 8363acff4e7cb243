#include "results/deviations.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "model/finding_code.hpp"
#include "model/severity_table.hpp"

namespace ac {
namespace {

bool counts(const Result& r) { return r.verdict == Verdict::Fail || r.verdict == Verdict::Known; }

struct Gathered {
  Deviation d;
  std::map<std::string, int> cases_per_feature;
  bool all_known = true;
};

void add_outcome(const ResultsFile& file, const CaseOutcome& c, std::map<std::pair<std::string, std::string>, Gathered>& by_code) {
  std::set<std::string> seen;  // a code counts once per case, whatever its repeats
  for (std::size_t i : c.results) {
    const Result& r = file.results[i];
    if (!counts(r)) continue;
    for (const auto& f : r.findings) {
      if (!fails_case(f.severity) || f.code.empty()) continue;
      Gathered& g = by_code[{c.provider, f.code}];
      Deviation& d = g.d;
      if (d.code.empty()) {
        d.provider = c.provider;
        d.code = f.code;
        d.severity = f.severity;
      }
      if (severity_rank(f.severity) < severity_rank(d.severity)) d.severity = f.severity;
      // The example is the first case by id, so the same run reads the same every time.
      if (d.example.case_id.empty() || c.case_id < d.example.case_id) {
        d.example = DeviationExample{c.case_id, f.pointer, f.expected, f.actual, f.message, where_text(f.where),
                                     r.exchange.request.curl};
      }
      if (!seen.insert(f.code).second) continue;
      d.cases.push_back(c.case_id);
      ++g.cases_per_feature[c.feature];
      g.all_known = g.all_known && c.verdict == Verdict::Known;
    }
  }
}

std::string owner_of(const Gathered& g, const std::map<std::pair<std::string, std::string>, int>& applicable) {
  std::string best;
  double best_share = -1;
  int best_cases = 0;
  for (const auto& [feature, n] : g.cases_per_feature) {  // by name: the first wins a tie
    auto it = applicable.find({g.d.provider, feature});
    const double share = it == applicable.end() || it->second == 0 ? 1.0 : double(n) / it->second;
    if (share > best_share || (share == best_share && n > best_cases)) {
      best = feature;
      best_share = share;
      best_cases = n;
    }
  }
  return best;
}

Deviation setup_deviation(const std::string& provider, const std::string& code, const std::string& title) {
  Deviation d;
  d.provider = provider;
  d.code = code;
  d.title = title;
  d.owner = "(set-up)";
  return d;
}

// What an official SDK with default settings needs: `${baseURL}/v1/messages` and `x-api-key`.
void add_setup(const ProviderRun& p, std::vector<Deviation>& out) {
  if (p.status == "not_run") return;
  const std::string official = kOfficialMessagesPath;
  const std::string& path = p.messages_path;
  if (!path.empty() && (path.size() < official.size() || path.compare(path.size() - official.size(), official.size(), official) != 0))
    out.push_back(setup_deviation(p.name, "setup.path:" + path,
                                  "the Messages endpoint is " + path + ", not " + official +
                                      ": the SDKs append " + official + " to their base URL"));
  if (p.auth == "bearer")
    out.push_back(setup_deviation(p.name, "setup.auth:bearer",
                                  "the key is taken only as `Authorization: Bearer`, not `x-api-key` as the API does"));
}

void finish(Deviation& d) {
  std::sort(d.cases.begin(), d.cases.end());
  if (const SeverityRule* row = severity_rule_for(d.code)) {
    if (d.cases.empty()) d.severity = row->severity;  // a set-up deviation is graded by the table alone
    if (row->severity == d.severity) d.reason = row->reason;
  }
  if (d.title.empty()) d.title = d.example.message;
}

}  // namespace

std::set<std::string> failing_codes(const ResultsFile& file, const CaseOutcome& c) {
  std::set<std::string> codes;
  for (std::size_t i : c.results) {
    const Result& r = file.results[i];
    if (!counts(r)) continue;
    for (const auto& f : r.findings)
      if (fails_case(f.severity) && !f.code.empty()) codes.insert(f.code);
  }
  return codes;
}

const Deviation* find_deviation(const std::vector<Deviation>& all, const std::string& provider, const std::string& code) {
  for (const auto& d : all)
    if (d.provider == provider && d.code == code) return &d;
  return nullptr;
}

std::vector<Deviation> find_deviations(const ResultsFile& file) {
  const std::vector<CaseOutcome> outcomes = fold_cases(file);
  std::map<std::pair<std::string, std::string>, int> applicable_cases;  // (provider, feature)
  std::map<std::pair<std::string, std::string>, Gathered> by_code;     // (provider, code)
  for (const auto& c : outcomes) {
    if (applicable(c.verdict)) ++applicable_cases[{c.provider, c.feature}];
    add_outcome(file, c, by_code);
  }
  std::vector<Deviation> all;
  for (const auto& p : file.run.providers) add_setup(p, all);
  for (auto& [key, g] : by_code) {
    for (const auto& [feature, n] : g.cases_per_feature) g.d.features.push_back(feature);
    g.d.owner = owner_of(g, applicable_cases);
    g.d.declared = g.all_known;
    all.push_back(std::move(g.d));
  }
  for (auto& d : all) finish(d);
  // Providers keep the run's order; within one: breaking first, then by reach.
  std::map<std::string, std::size_t> provider_order;
  for (const auto& p : file.run.providers) provider_order.emplace(p.name, provider_order.size());
  for (const auto& d : all) provider_order.emplace(d.provider, provider_order.size());
  std::stable_sort(all.begin(), all.end(), [&](const Deviation& a, const Deviation& b) {
    const bool a_setup = a.cases.empty(), b_setup = b.cases.empty();
    return std::make_tuple(provider_order[a.provider], severity_rank(a.severity), !a_setup, -int(a.features.size()),
                           -int(a.cases.size()), a.code) <
           std::make_tuple(provider_order[b.provider], severity_rank(b.severity), !b_setup, -int(b.features.size()),
                           -int(b.cases.size()), b.code);
  });
  std::map<std::string, int> next_id;
  for (auto& d : all) d.id = "D" + std::to_string(++next_id[d.provider]);
  return all;
}

}  // namespace ac
