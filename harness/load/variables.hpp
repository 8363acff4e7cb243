#pragma once
#include <map>
#include <string>
#include <vector>

namespace ac {

// Variable name -> JSON text of its value ("\"claude-x\"", "1024", "true").
using Variables = std::map<std::string, std::string>;

// Replaces {{name}} in every string of a JSON document. A string that is exactly one
// placeholder takes the variable's JSON type; inside a longer string the value is inserted as
// text. {{env.NAME}} reads the environment. On an unknown or unset variable returns false and
// sets `error` to a sentence naming it.
bool expand_json(const std::string& json_text, const Variables& vars, std::string& out, std::string& error);

// Replaces {{name}} in plain text (paths, header values, regexes).
bool expand_text(const std::string& text, const Variables& vars, std::string& out, std::string& error);

// Checks the placeholders of `text` without a value for them: every `{{` is closed by `}}` and
// holds a variable name ([A-Za-z0-9_.-], spaces around it allowed). Used by the loaders so a
// broken placeholder is reported at load time, not when the case runs.
// `bad_at`, when given, receives the offset of the offending `{{` in `text`.
bool check_placeholders(const std::string& text, std::string& error, std::size_t* bad_at = nullptr);

// The names of the placeholders of `text`, in order (none when a placeholder is broken).
std::vector<std::string> placeholder_names(const std::string& text);

// `text` with every placeholder replaced by `with` (e.g. to compile a regex that has variables).
std::string blank_placeholders(const std::string& text, const std::string& with);

}  // namespace ac
