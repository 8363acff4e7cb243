#pragma once
#include <string>

#include "model/provider.hpp"

namespace ac {

// What `apiconform init` is told about a new endpoint.
struct NewProfile {
  std::string name;
  std::string base_url;
  std::string key_env;  // empty with auth none
  std::string auth = "x-api-key";
  std::string model;    // empty = the defaults' model variables
};

// The text of a commented profile for `p`, with paths, headers, vars, limits and timeouts taken
// from `defaults` (the shipped `anthropic` profile), so a new profile starts from the official API.
std::string profile_text(const NewProfile& p, const Provider& defaults);

}  // namespace ac
