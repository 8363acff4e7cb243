// From what the preflight saw to one diagnosis: what is wrong, in the endpoint's own words, and
// what to try. Error shapes of the official API (docs/providers.md, "Preflight", has the sources):
// a bad key is 401 authentication_error "invalid x-api-key"; a missing one 401 "x-api-key header
// is required"; an unknown model 404 not_found_error "model: <id>" (sometimes only "Not found").
#include <algorithm>

#include <rapidjson/document.h>

#include "check/error_message.hpp"
#include "exec/preflight.hpp"
#include "util/join.hpp"

namespace ac {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains(const std::string& text, const std::string& part) { return lower(text).find(lower(part)) != std::string::npos; }

// "HTTP 401: authentication_error: invalid x-api-key"
std::string answered(const ProbeReply& r) {
  std::string message = error_message(r.body, 240);
  return "HTTP " + std::to_string(r.status) + (message.empty() ? "" : ": " + message);
}

const char* header_of(AuthStyle a) { return a == AuthStyle::Bearer ? "Authorization: Bearer" : "x-api-key"; }
const char* flag_of_other(AuthStyle a) { return a == AuthStyle::Bearer ? "--auth x-api-key" : "--auth bearer"; }

// The ids of a models list ({"data":[{"id":...}]}, the official shape; gateways mostly agree).
std::vector<std::string> model_ids(const ProbeReply& models) {
  std::vector<std::string> ids;
  if (models.status < 200 || models.status >= 300) return ids;
  rapidjson::Document doc;
  doc.Parse(models.body.c_str(), models.body.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("data") || !doc["data"].IsArray()) return ids;
  for (const auto& m : doc["data"].GetArray())
    if (m.IsObject() && m.HasMember("id") && m["id"].IsString()) ids.emplace_back(m["id"].GetString());
  return ids;
}

std::string some_ids(const std::vector<std::string>& ids) {
  constexpr std::size_t kShown = 8;
  std::string out = join_first(ids, kShown, ", ");
  if (ids.size() > kShown) out += ", … (" + std::to_string(ids.size()) + " in all)";
  return out;
}

std::string model_unknown(const PreflightProbes& p) {
  std::string text = "model unknown: POST " + p.message.url + " with model \"" + p.model + "\" answered " +
                     answered(p.message) + ". Try: --model NAME with a model this endpoint serves";
  if (p.models) {
    std::vector<std::string> ids = model_ids(*p.models);
    if (!ids.empty()) text += " (its models list, GET " + p.models->url + ", offers: " + some_ids(ids) + ")";
  }
  return text + ".";
}

// The message names the model, or the models list answered and the model is not in it.
bool about_the_model(const PreflightProbes& p) {
  const std::string message = error_message(p.message.body, 1000);
  if (!p.model.empty() && contains(message, p.model)) return true;
  if (contains(message, "model")) return true;
  if (!p.models) return false;
  std::vector<std::string> ids = model_ids(*p.models);
  return !ids.empty() && std::find(ids.begin(), ids.end(), p.model) == ids.end();
}

std::string wrong_path(const PreflightProbes& p) {
  std::string text = "wrong path: POST " + p.message.url + " answered " + answered(p.message) +
                     ". Try: check base_url (--base-url) and paths.messages in the profile";
  const std::string base = p.base_url;
  if (base.size() >= 3 && base.compare(base.size() - 3, 3, "/v1") == 0 && p.message.url.find("/v1/v1/") != std::string::npos)
    text += "; the base URL ends in /v1 and the path starts with /v1 again: try --base-url " + base.substr(0, base.size() - 3);
  if (p.models && p.models->status >= 200 && p.models->status < 300)
    text += " (GET " + p.models->url + " answered " + std::to_string(p.models->status) +
            ", so the host and key are right and the messages path is not)";
  return text + ".";
}

std::string transport_failure(const PreflightProbes& p) {
  const std::string& error = p.message.transport_error;
  if (error.rfind("TLS failure", 0) == 0) {
    std::string text = "TLS failed: " + error + ". Try: ";
    if (contains(error, "wrong version number") || contains(error, "packet length too long"))
      return text + "the server speaks plain HTTP; use an http:// base URL.";
    return text + "check the host name in base_url and its certificate (a private CA: set CURL_CA_BUNDLE or SSL_CERT_FILE).";
  }
  if (contains(error, "not valid HTTP") || contains(error, "not HTTP"))
    return "not an HTTP server: POST " + p.message.url + ": " + error + ". Try: https:// instead of http://, or check the port.";
  return "unreachable: POST " + p.message.url + ": " + error +
         ". Try: check base_url (--base-url), that the endpoint is up, and any proxy (HTTPS_PROXY).";
}

std::string key_refused(const PreflightProbes& p) {
  const bool forbidden = p.message.status == 403;
  std::string text = std::string(forbidden ? "key not allowed" : "key refused") + ": POST " + p.message.url +
                     " with the key in " + header_of(p.auth) + " answered " + answered(p.message) + ". Try: ";
  if (p.auth == AuthStyle::None) return text + "the endpoint wants a key: set key_env and auth in the profile.";
  text += "check that $" + p.key_env + " holds a valid key for this endpoint";
  if (forbidden) text += " and that it may use model \"" + p.model + "\" (or --model)";
  if (p.other_auth) text += "; the other header (" + std::string(flag_of_other(p.auth)) + ") was refused too";
  return text + ".";
}

}  // namespace

bool should_try_other_auth(const PreflightProbes& p) {
  return (p.message.status == 401 || p.message.status == 403) && p.auth != AuthStyle::None;
}

PreflightOutcome diagnose_preflight(const PreflightProbes& p) {
  PreflightOutcome out;
  const int s = p.message.status;
  auto fail = [&](std::string text) {
    out.ok = false;
    out.diagnosis = "preflight of " + p.provider + " failed: " + std::move(text) +
                    " (none of its cases was sent; --no-preflight sends them anyway)";
    return out;
  };
  if (!p.prepare_error.empty()) return fail("could not build the minimal message: " + p.prepare_error + ". Try: --model NAME.");
  if (!p.message.transport_error.empty()) return fail(transport_failure(p));
  if (s >= 200 && s < 300) return out;
  if (s == 401 || s == 403) {
    if (p.other_auth && p.other_auth->completed() && p.other_auth->status != 401 && p.other_auth->status != 403)
      return fail("wrong auth header: with the key in " + std::string(header_of(p.auth)) + " POST " + p.message.url +
                  " answered " + answered(p.message) + "; with it in " +
                  header_of(p.auth == AuthStyle::Bearer ? AuthStyle::XApiKey : AuthStyle::Bearer) + " it answered " +
                  std::to_string(p.other_auth->status) + ". Try: " + flag_of_other(p.auth) +
                  " (or `auth:` in the profile).");
    return fail(key_refused(p));
  }
  if (s == 404 || s == 400 || s == 422) {
    if (about_the_model(p)) return fail(model_unknown(p));
    if (s == 404) return fail(wrong_path(p));
    return fail("a minimal valid message was refused: POST " + p.message.url + " answered " + answered(p.message) +
                ". Try: check the profile's headers and vars.");
  }
  if (s == 405) return fail(wrong_path(p));
  if (s == 429)
    return fail("rate limited or out of quota before any case: POST " + p.message.url + " answered " +
                answered(p.message) + ". Try: later, or a lower --rate.");
  if (s >= 500)
    return fail("the endpoint is failing: POST " + p.message.url + " answered " + answered(p.message) +
                ". Try: later; if it persists, the provider's status page.");
  return fail("unexpected answer to a minimal message: POST " + p.message.url + " answered " + answered(p.message) + ".");
}

}  // namespace ac
