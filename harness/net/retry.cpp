#include "net/retry.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace ac {
namespace {

std::optional<double> parse_number(const std::string& text) {
  const char* begin = text.c_str();
  while (*begin == ' ' || *begin == '\t') ++begin;
  if (*begin == '\0') return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(begin, &end);
  while (*end == ' ' || *end == '\t') ++end;
  if (*end != '\0' || !std::isfinite(value)) return std::nullopt;
  return std::max(0.0, value);
}

std::string gave_up(int retries_done, const std::string& what) {
  return "gave up after " + std::to_string(retries_done) + " retr" + (retries_done == 1 ? "y" : "ies") + " (" + what +
         " each time)";
}

}  // namespace

bool is_retryable_status(int status) {
  return status == 429 || status == 500 || status == 502 || status == 503 || status == 504 || status == 529;
}

bool is_capacity_status(int status) { return status == 429 || status == 503 || status == 529; }

std::optional<double> requested_retry_delay(const Headers& headers, std::time_t now) {
  if (auto ms = find_header(headers, "retry-after-ms")) {
    if (auto value = parse_number(*ms)) return *value / 1000.0;
  }
  auto text = find_header(headers, "retry-after");
  if (!text) return std::nullopt;
  if (auto seconds = parse_number(*text)) return *seconds;
  // An HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"); libcurl already knows every allowed form.
  std::time_t when = curl_getdate(text->c_str(), nullptr);
  if (when == -1) return std::nullopt;
  return std::max(0.0, static_cast<double>(when - now));
}

double backoff_delay(const RetryPolicy& policy, int retry, std::mt19937& random) {
  double delay = policy.base_delay_s * std::pow(2.0, std::min(retry, 30));
  delay = std::min(delay, policy.max_delay_s);
  double jitter = std::clamp(policy.jitter, 0.0, 1.0);
  if (jitter > 0) {
    std::uniform_real_distribution<double> spread(1.0 - jitter, 1.0 + jitter);
    delay *= spread(random);
  }
  return std::max(0.0, delay);
}

RetryDecision decide_retry(const RetryPolicy& policy, int status, const Headers& headers, int retries_done,
                           std::time_t now, std::mt19937& random) {
  RetryDecision decision;
  const bool asked = std::find(policy.also_retry.begin(), policy.also_retry.end(), status) != policy.also_retry.end();
  if ((!is_retryable_status(status) && !asked) || policy.max_retries <= 0) return decision;
  if (auto should = find_header(headers, "x-should-retry"); should && iequals(*should, "false")) {
    decision.note = "not retried: the server said x-should-retry: false";
    return decision;
  }
  if (retries_done >= policy.max_retries) {
    decision.note = gave_up(retries_done, "HTTP " + std::to_string(status));
    return decision;
  }
  if (auto asked = requested_retry_delay(headers, now)) {
    if (*asked > policy.max_retry_after_s) {
      decision.note = "not retried: the server asked to wait " + format_seconds(*asked) + " s, above the " +
                      format_seconds(policy.max_retry_after_s) + " s limit";
      return decision;
    }
    decision.retry = true;
    decision.delay_s = *asked;
    return decision;
  }
  decision.retry = true;
  decision.delay_s = backoff_delay(policy, retries_done, random);
  return decision;
}

RetryDecision decide_transient_retry(const RetryPolicy& policy, const std::string& why, int retries_done,
                                     std::mt19937& random) {
  RetryDecision decision;
  if (policy.max_retries <= 0) return decision;
  if (retries_done >= policy.max_retries) {
    decision.note = gave_up(retries_done, why);
    return decision;
  }
  decision.retry = true;
  decision.delay_s = backoff_delay(policy, retries_done, random);
  return decision;
}

std::string format_seconds(double seconds) {
  std::ostringstream out;
  out << std::round(seconds * 1000.0) / 1000.0;
  return out.str();
}

}  // namespace ac
