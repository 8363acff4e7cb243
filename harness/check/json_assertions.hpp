#pragma once
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "model/case.hpp"
#include "model/finding.hpp"
#include "model/header.hpp"

namespace ac {

// Evaluates assertions by JSON pointer on a document (a response body or a folded stream).
// `check` names the findings' origin ("json", "stream-folded"); `pointer_prefix` is put before
// each pointer in findings so a folded-message pointer reads "/folded/usage/output_tokens".
// `headers` are the response's, for `same_as_header`; without them that assertion fails.
void check_json_assertions(const std::vector<JsonExpectation>& assertions, const rapidjson::Value& document,
                           const std::string& check, const std::string& pointer_prefix, Findings& out,
                           const Headers* headers = nullptr);

}  // namespace ac
