#include "check/error_message.hpp"
#include "util/utf8.hpp"

#include <rapidjson/document.h>

namespace ac {

namespace {

const rapidjson::Value* string_member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsString() ? &it->value : nullptr;
}

std::string text_of(const rapidjson::Value* v) { return v ? std::string(v->GetString(), v->GetStringLength()) : ""; }

// "type: message", or whichever of the two there is.
std::string typed(const std::string& type, const std::string& message) {
  if (type.empty()) return message;
  if (message.empty()) return type;
  return type + ": " + message;
}

std::string from_json(const rapidjson::Value& doc) {
  if (!doc.IsObject()) return "";
  auto error = doc.FindMember("error");
  if (error != doc.MemberEnd()) {
    if (error->value.IsString()) return text_of(&error->value);
    // LiteLLM nests its text one level deeper: {"error":{"message":{"error":"..."},"type":"None"}}.
    if (error->value.IsObject() && error->value.HasMember("message") && error->value["message"].IsObject()) {
      std::string nested = from_json(error->value["message"]);
      if (!nested.empty()) return nested;
    }
    std::string found = typed(text_of(string_member(error->value, "type")), text_of(string_member(error->value, "message")));
    if (!found.empty()) return found;
  }
  for (const char* name : {"message", "detail", "error_description"})
    if (const auto* v = string_member(doc, name)) return text_of(v);
  return "";
}

// One line: newlines and tabs become spaces, runs of spaces one.
std::string one_line(const std::string& text) {
  std::string out;
  for (char c : text) {
    const char ch = (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (ch == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += ch;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string error_message(const std::string& body, std::size_t max_chars) {
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  std::string message = doc.HasParseError() ? body : from_json(doc);
  if (message.empty() && !doc.HasParseError()) message = body;
  return cut_utf8(one_line(message), max_chars, "…");
}

}  // namespace ac
