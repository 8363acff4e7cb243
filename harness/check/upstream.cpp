#include "check/upstream.hpp"

#include "check/check_input.hpp"
#include "check/json_assertions.hpp"

namespace ac {
namespace {

Finding upstream_finding(const UpstreamExpectation& e, const std::string& rule, const std::string& pointer,
                         std::string expected, std::string actual, std::string message) {
  Finding f{"upstream", pointer, std::move(expected), std::move(actual), std::move(message), Severity::Breaking};
  f.rule = rule;
  f.where = e.where;
  return f;
}

// The header assertions, by the response-header check run on the forwarded headers.
void check_forwarded_headers(const UpstreamExpectation& e, const ForwardedRequest& first, Findings& out) {
  Findings found;
  check_header_expectations(e.headers, first.headers, found);
  for (auto& f : found) {
    const std::string name = f.pointer.substr(f.pointer.find(':') + 1);
    f.check = "upstream";
    f.rule = "header." + f.rule;
    f.pointer = "/upstream/headers/" + name;
    const std::string said = "response header";
    if (f.message.rfind(said, 0) == 0) f.message = "forwarded header" + f.message.substr(said.size());
    out.push_back(std::move(f));
  }
}

}  // namespace

void check_upstream(const UpstreamExpectation& e, const std::vector<ForwardedRequest>& forwarded, Findings& out) {
  const auto n = static_cast<std::int64_t>(forwarded.size());
  if ((e.min_count && n < *e.min_count) || (e.max_count && n > *e.max_count))
    out.push_back(upstream_finding(e, "count", "/upstream/count", bounds_text(e.min_count, e.max_count),
                                   std::to_string(n),
                                   "the gateway forwarded the request " + std::to_string(n) + " time" +
                                       (n == 1 ? "" : "s") + ", expected " + bounds_text(e.min_count, e.max_count)));
  const bool asserts = !e.method.empty() || !e.path.empty() || !e.headers.empty() || !e.json.empty();
  if (!asserts) return;
  if (forwarded.empty()) {
    if (!e.min_count)  // a count already said so
      out.push_back(upstream_finding(e, "forwarded", "/upstream", "a forwarded request", "none",
                                     "the gateway forwarded nothing to the upstream for this case"));
    return;
  }
  const ForwardedRequest& first = forwarded.front();
  if (!e.method.empty() && first.method != e.method)
    out.push_back(upstream_finding(e, "method", "/upstream/method", e.method, first.method,
                                   "the gateway forwarded with method " + first.method));
  if (!e.path.empty() && first.path != e.path)
    out.push_back(
        upstream_finding(e, "path", "/upstream/path", e.path, first.path, "the gateway forwarded to " + first.path));
  check_forwarded_headers(e, first, out);
  if (e.json.empty()) return;
  rapidjson::Document body;
  body.Parse(first.body_unmarked.c_str(), first.body_unmarked.size());
  if (first.body_unmarked.empty() || body.HasParseError()) {
    out.push_back(upstream_finding(e, "body", "/upstream/body", "a JSON body", "not JSON",
                                   "the forwarded body is not JSON, so its assertions could not be checked"));
    return;
  }
  check_json_assertions(e.json, body, "upstream", "/upstream/body", out);
}

}  // namespace ac
