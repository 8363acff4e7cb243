#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/header.hpp"
#include "model/source_location.hpp"

namespace ac {

enum class AuthStyle { XApiKey, Bearer, Either, None };

// As a profile spells it: "x-api-key", "bearer", "either", "none".
inline const char* auth_name(AuthStyle a) {
  switch (a) {
    case AuthStyle::XApiKey: return "x-api-key";
    case AuthStyle::Bearer: return "bearer";
    case AuthStyle::Either: return "either";
    case AuthStyle::None: return "none";
  }
  return "x-api-key";
}

struct Timeouts {
  double connect_s = 10;
  double first_byte_s = 60;
  double idle_s = 30;    // longest silence between bytes of a stream
  double total_s = 120;
};

struct DeclaredDeviation {
  std::string id;      // case id or feature name
  std::string reason;  // text or link
};

// How to reach one endpoint that claims compatibility, and what it is known not to do.
struct Provider {
  std::string name;
  std::string base_url;
  std::map<std::string, std::string> paths;  // endpoint -> path, e.g. messages -> /v1/messages
  AuthStyle auth = AuthStyle::XApiKey;
  std::string key_env;                       // environment variable holding the key
  Headers headers;                           // sent on every request (anthropic-version...)
  std::vector<std::string> secret_headers;   // extra header names whose values are secret
  std::map<std::string, std::string> vars;   // {{name}} -> JSON text of the value
  int concurrency = 8;
  double rate_per_s = 0;                     // 0 = unlimited; the starting pace
  double max_rate_per_s = 0;                 // the pace may rise to it on the endpoint's rate-limit headers
  Timeouts timeouts;
  std::vector<DeclaredDeviation> unsupported;  // features declared unsupported
  std::vector<DeclaredDeviation> known;        // case ids expected to fail
  std::string dialect;                        // simulator dialect for --simulate ("reference"...)
  SourceLocation where;
};

}  // namespace ac
