#include "report/markdown_upstream.hpp"

#include <algorithm>

#include "report/escape.hpp"
#include "report/upstream_flow.hpp"

namespace ac {
namespace {

constexpr std::size_t kRows = 40;
constexpr std::size_t kCodesPerArrow = 3;

std::string cell(const std::string& text, std::size_t max_bytes = 80) { return markdown_excerpt(text, max_bytes); }

// The codes of the findings on one arrow, or an arrow alone.
std::string arrow(const std::vector<const Finding*>& findings) {
  if (findings.empty()) return "→";
  std::string out = "→ ✗";
  for (std::size_t i = 0; i < findings.size() && i < kCodesPerArrow; ++i)
    out += (i ? "; " : " ") + cell(findings[i]->code, 60);
  if (findings.size() > kCodesPerArrow) out += " +" + std::to_string(findings.size() - kCodesPerArrow);
  return out;
}

}  // namespace

std::string markdown_upstream_section(const ResultsFile& results) {
  if (!results.upstream) return "";
  std::vector<const Result*> rows;
  for (const Result& r : results.results)
    if (r.upstream) rows.push_back(&r);
  // Failing cases first, each group in results order, so the cap never hides a failure behind passes.
  std::stable_sort(rows.begin(), rows.end(), [](const Result* a, const Result* b) {
    return (a->verdict != Verdict::Pass) > (b->verdict != Verdict::Pass);
  });
  std::string out =
      "### Through the gateway\n\nEach case as the client sent it, as the gateway forwarded it, as the "
      "upstream answered and as the gateway answered; finding codes sit on the arrow where the "
      "translation went wrong (docs/upstream.md). Upstream: " +
      cell(results.upstream->dialect) + " on " + cell(results.upstream->listen) +
      ".\n\n"
      "| Case | Client request | | Gateway forwarded | Upstream reply | | Gateway answer |\n"
      "|---|---|---|---|---|---|---|\n";
  for (std::size_t i = 0; i < rows.size() && i < kRows; ++i) {
    const Result& r = *rows[i];
    const UpstreamFlow flow = upstream_flow(r);
    out += "| " + std::string(to_string(r.verdict)) + " **" + cell(r.case_id, 120) + "** (" + cell(r.provider, 60) +
           ") | " + cell(flow.client) + " | " + arrow(flow.inbound) + " | " + cell(flow.forwarded) + " | " +
           cell(flow.reply, 120) + " | " + arrow(flow.outbound) + " | " + cell(flow.answer, 120) + " |\n";
  }
  if (rows.size() > kRows) out += "\n… and " + std::to_string(rows.size() - kRows) + " more cases\n";
  if (!results.upstream->unmatched.empty()) {
    out += "\n" + std::to_string(results.upstream->unmatched.size()) +
           " forwarded request(s) carried no marker of a case (the gateway sent requests of its own, or dropped "
           "the marker):\n\n";
    for (std::size_t i = 0; i < results.upstream->unmatched.size() && i < 5; ++i) {
      const auto& u = results.upstream->unmatched[i];
      out += "- " + cell(u.method + " " + u.path) + ": " + cell(u.body, 160) + "\n";
    }
  }
  return out + "\n";
}

}  // namespace ac
