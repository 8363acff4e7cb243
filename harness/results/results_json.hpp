#pragma once
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "results/results_file.hpp"

namespace ac {

// The JSON forms of the parts of results.json (docs/results-format.md). Writing returns compact
// JSON text; every string is made valid UTF-8 first and every number finite, so the file is
// valid JSON whatever a provider sent.
std::string json_string(const std::string& text);  // a quoted, escaped JSON string
std::string tool_json(const std::string& version);
std::string findings_json(const Findings& findings);  // an array of finding objects, as in a result
std::string run_json(const RunInfo& run);
// A view into this thread's buffer, valid until its next call: results are written one by one,
// and copying each into a string of its own cost more than building it.
std::string_view result_json(const Result& result);
std::string summary_json(const Summary& summary);
std::string deviations_json(const std::vector<Deviation>& deviations);  // the top-level array
std::string cost_json(const RunCost& cost);
std::string upstream_run_json(const UpstreamRun& upstream);

// Reading: on a missing or mistyped field, returns false and sets `error` to
// "<where>: <what>", where `where` is a path such as results[3].exchange.status.
bool run_from_json(const rapidjson::Value& v, const std::string& where, RunInfo& out, std::string& error);
bool result_from_json(const rapidjson::Value& v, const std::string& where, Result& out, std::string& error);
bool summary_from_json(const rapidjson::Value& v, const std::string& where, Summary& out, std::string& error);
bool cost_from_json(const rapidjson::Value& v, const std::string& where, RunCost& out, std::string& error);
bool upstream_run_from_json(const rapidjson::Value& v, const std::string& where, UpstreamRun& out, std::string& error);
bool deviations_from_json(const rapidjson::Value& v, const std::string& where, std::vector<Deviation>& out,
                          std::string& error);

}  // namespace ac
