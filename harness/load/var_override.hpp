#pragma once
#include <string>

#include "model/provider.hpp"

namespace ac {

// Command-line aim over a profile (`run --model`, `run --var`), so a gateway that names its
// models differently is reached without copying a profile.

// Reads `NAME=VALUE`; VALUE is read as YAML, like a profile's `vars` (`512` stays a number, `"512"`
// is a string, `openai/gpt-x` is a string, `[a, b]` a list; text that is not one value stays text).
// Returns false with `error` set on a malformed NAME or an `=` missing.
bool parse_var_assignment(const std::string& text, std::string& name, std::string& json, std::string& error);

// The variables `--model` sets: `model`, `model_id` and every `*_model` of the profile (a
// gateway's model names replace all of the built-in ones); `model` is added when absent.
bool is_model_var(const std::string& name);

// Sets `--model NAME` into every model variable of `p`.
void apply_model_override(Provider& p, const std::string& model);

}  // namespace ac
