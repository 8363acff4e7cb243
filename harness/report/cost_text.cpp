#include "report/cost_text.hpp"

namespace ac {

namespace {

std::string counted(long long n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace

std::string cost_text(const ProviderCost& c) {
  std::string text = counted(c.requests, "request", "requests") + ", " + counted(c.input_tokens, "input token", "input tokens") +
                     ", " + counted(c.output_tokens, "output token", "output tokens");
  if (c.batches_canceled) text += "; canceled " + counted(c.batches_canceled, "batch", "batches") + " it created";
  if (c.cleanup_failed) text += "; " + counted(c.cleanup_failed, "batch", "batches") + " it could not cancel";
  return text;
}

std::string budget_text(const RunCost& cost) {
  if (!cost.budget_reached) return "";
  return "the token budget of " + std::to_string(cost.token_budget) + " tokens was reached (" +
         std::to_string(cost.tokens()) + " spent): " + counted(cost.not_run, "case", "cases") + " not run";
}

const ProviderCost* cost_of(const RunCost& cost, const std::string& provider) {
  for (const auto& p : cost.providers)
    if (p.provider == provider) return &p;
  return nullptr;
}

}  // namespace ac
