#include "traffic/exchange_record.hpp"

#include <algorithm>
#include <cstdio>

#include "redact/secrets.hpp"

namespace ac {

namespace {
// Headers that carry credentials whatever the client: API keys, bearer tokens, session cookies.
constexpr const char* kAlwaysSecret[] = {"x-api-key", "authorization", "proxy-authorization", "cookie", "set-cookie"};
}  // namespace

bool is_secret_header(const std::string& name, const RecordOptions& options) {
  for (const char* secret : kAlwaysSecret)
    if (iequals(name, secret)) return true;
  return std::any_of(options.secret_headers.begin(), options.secret_headers.end(),
                     [&](const std::string& secret) { return iequals(name, secret); });
}

Headers mask_secret_headers(const Headers& headers, const RecordOptions& options) {
  Headers out = headers;
  for (auto& h : out)
    if (is_secret_header(h.name, options)) h.value = kSecretPlaceholder;
  return out;
}

std::vector<std::string> secret_header_values(const Headers& headers, const RecordOptions& options) {
  std::vector<std::string> out;
  for (const auto& h : headers) {
    if (!is_secret_header(h.name, options)) continue;
    out.push_back(h.value);
    auto space = h.value.find(' ');  // "Bearer <token>", "Basic <base64>"
    if (space != std::string::npos) out.push_back(h.value.substr(space + 1));
  }
  return out;
}

Redactor record_redactor(const ExchangeRecord& r, const RecordOptions& options) {
  Redactor redactor = process_redactor();
  for (const Headers* headers : {&r.request_headers, &r.response_headers})
    for (const auto& secret : secret_header_values(*headers, options)) redactor.add_secret(secret);
  return redactor;
}

std::string exchange_file_name(const ExchangeRecord& record) {
  char number[16];
  std::snprintf(number, sizeof number, "%06d", record.sequence);
  std::string name = std::string(number) + "-" + record.method;
  const std::string path = record.path.substr(0, record.path.find('?'));
  std::string tail;
  for (char c : path) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
    const char out = plain ? c : '-';
    if (out == '-' && (tail.empty() || tail.back() == '-')) continue;  // "/v1/messages" -> "v1-messages"
    tail += out;
  }
  while (!tail.empty() && tail.back() == '-') tail.pop_back();
  if (tail.size() > 80) tail.resize(80);  // a path may be any length; a file name may not
  for (char& c : name)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) c = '-';
  return name + (tail.empty() ? "" : "-" + tail) + ".json";
}

}  // namespace ac
