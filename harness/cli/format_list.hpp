#pragma once
#include <string>
#include <vector>

namespace ac {

// What `--format` of `run` and `report` accepts: each report of report_formats() by its name or an
// alias, and `json` (results.json, always written, so asking for it is harmless).
// `apiconform list formats` prints the same names.
std::vector<std::string> format_names();

// "html, md, junit, console, json": the names above as --help shows them, so no help text
// repeats the list (it drifted when it did).
std::string format_names_text();

// Splits `items` ("html,md", or repeated options) at commas into canonical format names, in
// order, without repeats. Spaces around a name are ignored ('html, md' is html and md: the intent
// is plain) and so are empty items (a trailing comma). Returns false with one sentence per
// unknown name in `errors`, each with a suggestion, so a typo fails before anything is sent.
bool parse_formats(const std::vector<std::string>& items, std::vector<std::string>& out,
                   std::vector<std::string>& errors);

}  // namespace ac
