#include "cli/upstream_session.hpp"

#include <cctype>

#include "redact/terminal_text.hpp"

namespace ac {
namespace {

constexpr std::size_t kUnmatchedBody = 2048;  // an unmatched request's body kept in results
constexpr std::size_t kUnmatchedShown = 5;    // on the console

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

ForwardedRequest to_model(sim::ForwardedExchange&& x) {
  ForwardedRequest f;
  f.method = std::move(x.method);
  f.path = std::move(x.path);
  for (auto& [name, value] : x.headers) f.headers.push_back({name, forwarded_header_value(name, value)});
  f.body = std::move(x.body);
  f.body_unmarked = std::move(x.body_unmarked);
  f.reply_status = x.reply_status;
  f.fault = std::move(x.fault);
  f.reply_body = std::move(x.reply_body);
  return f;
}

}  // namespace

std::string forwarded_header_value(const std::string& name, const std::string& value) {
  const std::string n = lower(name);
  if (n != "authorization" && n != "proxy-authorization" && n != "x-api-key" && n != "api-key" && n != "cookie")
    return value;
  const auto space = value.find(' ');
  return (space == std::string::npos ? std::string() : value.substr(0, space + 1)) + std::string(Redactor::kMark);
}

bool UpstreamSession::start(const std::string& dialect, const std::string& listen, std::string& error) {
  std::string host;
  int port = 0;
  if (!sim::parse_listen_address(listen, host, port, error)) {
    error = "--upstream-listen: " + error;
    return false;
  }
  sim::UpstreamOptions options;
  options.dialect = dialect;
  upstream_ = std::make_unique<sim::Upstream>(options);
  if (!upstream_->start(host, port, error)) return false;
  dialect_ = dialect;
  listen_ = listen;
  return true;
}

void UpstreamSession::announce(const std::string& marker, const std::string& script_json) {
  upstream_->expect(marker, script_json);  // the loader checked the script: it reads
}

std::vector<ForwardedRequest> UpstreamSession::collect(const std::string& marker) {
  std::vector<ForwardedRequest> out;
  for (auto& x : upstream_->take(marker)) out.push_back(to_model(std::move(x)));
  return out;
}

void UpstreamSession::end_preflight() { upstream_->take_unmatched(); }

UpstreamRun UpstreamSession::finish(const Redactor& redactor) {
  UpstreamRun run{dialect_, listen_, {}};
  if (!upstream_) return run;
  for (auto& x : upstream_->take_unmatched()) {
    UnmatchedRequest u{x.method, x.path, x.marker, x.body.substr(0, kUnmatchedBody)};
    for (std::string* text : {&u.path, &u.marker, &u.body}) redactor.apply_in_place(*text);
    run.unmatched.push_back(std::move(u));
  }
  upstream_->stop();
  return run;
}

std::string unmatched_text(const std::vector<UnmatchedRequest>& unmatched) {
  if (unmatched.empty()) return "";
  std::string text = "upstream: " + std::to_string(unmatched.size()) + " forwarded request" +
                     (unmatched.size() == 1 ? "" : "s") +
                     " tied to no case (see `upstream.unmatched` in results.json):";
  for (std::size_t i = 0; i < unmatched.size() && i < kUnmatchedShown; ++i) {
    const auto& u = unmatched[i];
    text += "\n  " + visible_controls(u.method + " " + u.path) + " " +
            (u.marker.empty() ? "(no marker: did the gateway drop the user text?)"
                              : visible_controls(u.marker) + " (its case was judged already, or is not of this run)");
  }
  if (unmatched.size() > kUnmatchedShown) text += "\n  ...";
  return text;
}

}  // namespace ac
