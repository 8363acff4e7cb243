#include "load/variables.hpp"
#include "util/join.hpp"
#include "util/json_render.hpp"
#include "util/trim.hpp"

#include <cstdlib>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ac {

namespace {

struct Piece {
  bool variable = false;
  std::string text;  // literal text, or the variable name
};

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '-';
}

bool split(const std::string& text, std::vector<Piece>& pieces, std::string& error, std::size_t* bad_at = nullptr) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("{{", pos);
    if (open == std::string::npos) {
      pieces.push_back({false, text.substr(pos)});
      break;
    }
    if (open > pos) pieces.push_back({false, text.substr(pos, open - pos)});
    const std::size_t close = text.find("}}", open + 2);
    if (bad_at) *bad_at = open;
    if (close == std::string::npos) {
      error = "unbalanced `{{` at character " + std::to_string(open + 1) + ": no `}}` closes it";
      return false;
    }
    const std::string name(trim(std::string_view(text).substr(open + 2, close - open - 2), " "));
    bool valid = !name.empty();
    for (char c : name) valid = valid && name_char(c);
    if (!valid) {
      const std::string shown = name.size() > 40 ? name.substr(0, 40) + "..." : name;
      error = name.empty() ? std::string("empty placeholder `{{}}`")
                           : "`{{" + shown + "}}` is not a variable name (letters, digits, `_`, `.`, `-`)";
      return false;
    }
    pieces.push_back({true, name});
    pos = close + 2;
  }
  return true;
}

std::string available(const Variables& vars) {
  const std::string names = join(vars, ", ", [](const auto& kv) { return kv.first; });
  return names.empty() ? std::string("none are defined") : "defined: " + names;
}

// The JSON text of a variable (env values are strings).
bool lookup(const std::string& name, const Variables& vars, std::string& json, std::string& error) {
  if (name.rfind("env.", 0) == 0) {
    const char* value = std::getenv(name.substr(4).c_str());
    if (!value) {
      error = "environment variable `" + name.substr(4) + "` (from `{{" + name + "}}`) is not set";
      return false;
    }
    json = json_quote(value);
    return true;
  }
  auto it = vars.find(name);
  if (it == vars.end()) {
    error = "unknown variable `{{" + name + "}}` (" + available(vars) + ")";
    return false;
  }
  json = it->second;
  return true;
}

// A variable inserted into a longer text: strings without their quotes, the rest as written.
std::string as_text(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  if (!d.HasParseError() && d.IsString()) return std::string(d.GetString(), d.GetStringLength());
  return json;
}

bool expand_pieces(const std::vector<Piece>& pieces, const Variables& vars, std::string& out, std::string& error) {
  out.clear();
  for (const auto& p : pieces) {
    if (!p.variable) {
      out += p.text;
      continue;
    }
    std::string json;
    if (!lookup(p.text, vars, json, error)) return false;
    out += as_text(json);
  }
  return true;
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Copies a JSON document event by event, expanding strings; numbers pass through as written.
struct Expander : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Expander> {
  JsonWriter& w;
  const Variables& vars;
  std::string& error;
  bool failed = false;

  Expander(JsonWriter& writer, const Variables& v, std::string& e) : w(writer), vars(v), error(e) {}

  bool fail() { return !(failed = true); }

  bool Null() { return w.Null(); }
  bool Bool(bool b) { return w.Bool(b); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return w.RawValue(s, n, rapidjson::kNumberType); }
  bool StartObject() { return w.StartObject(); }
  bool EndObject(rapidjson::SizeType n) { return w.EndObject(n); }
  bool StartArray() { return w.StartArray(); }
  bool EndArray(rapidjson::SizeType n) { return w.EndArray(n); }

  bool Key(const char* s, rapidjson::SizeType n, bool) {
    std::string text;
    if (!expand_text(std::string(s, n), vars, text, error)) return fail();
    return w.Key(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  }

  bool String(const char* s, rapidjson::SizeType n, bool) {
    std::vector<Piece> pieces;
    if (!split(std::string(s, n), pieces, error)) return fail();
    if (pieces.size() == 1 && pieces[0].variable) return whole(pieces[0].text);
    std::string text;
    if (!expand_pieces(pieces, vars, text, error)) return fail();
    return w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  }

  // A string that is exactly one placeholder becomes the variable's own JSON value.
  bool whole(const std::string& name) {
    std::string json;
    if (!lookup(name, vars, json, error)) return fail();
    rapidjson::Document d;
    d.Parse(json.c_str(), json.size());
    if (d.HasParseError()) {
      error = "variable `" + name + "` does not hold a JSON value: " + json;
      return fail();
    }
    return w.RawValue(json.data(), json.size(), d.GetType());
  }
};

}  // namespace

bool check_placeholders(const std::string& text, std::string& error, std::size_t* bad_at) {
  std::vector<Piece> pieces;
  return split(text, pieces, error, bad_at);
}

std::vector<std::string> placeholder_names(const std::string& text) {
  std::vector<Piece> pieces;
  std::string error;
  std::vector<std::string> names;
  if (!split(text, pieces, error)) return names;
  for (const auto& p : pieces)
    if (p.variable) names.push_back(p.text);
  return names;
}

std::string blank_placeholders(const std::string& text, const std::string& with) {
  std::vector<Piece> pieces;
  std::string error;
  if (!split(text, pieces, error)) return text;
  std::string out;
  for (const auto& p : pieces) out += p.variable ? with : p.text;
  return out;
}

bool expand_text(const std::string& text, const Variables& vars, std::string& out, std::string& error) {
  std::vector<Piece> pieces;
  if (!split(text, pieces, error)) return false;
  return expand_pieces(pieces, vars, out, error);
}

bool expand_json(const std::string& json_text, const Variables& vars, std::string& out, std::string& error) {
  rapidjson::StringBuffer buf;
  JsonWriter writer(buf);
  Expander expander(writer, vars, error);
  rapidjson::Reader reader;
  rapidjson::StringStream in(json_text.c_str());
  const rapidjson::ParseResult ok = reader.Parse<rapidjson::kParseNumbersAsStringsFlag>(in, expander);
  if (expander.failed) return false;
  if (!ok) {
    error = std::string("not valid JSON: ") + rapidjson::GetParseError_En(ok.Code()) + " (at character " +
            std::to_string(ok.Offset() + 1) + ")";
    return false;
  }
  out.assign(buf.GetString(), buf.GetSize());
  return true;
}

}  // namespace ac
