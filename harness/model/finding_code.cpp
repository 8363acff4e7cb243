#include "model/finding_code.hpp"

#include <cctype>

namespace ac {
namespace {

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// `property "stop_sequence"`, the fixed form the schema explainer gives a `required` error's
// expected value: the missing member is part of the location, not of the wording.
std::string required_member(const Finding& f) {
  const std::string prefix = "property \"";
  if (f.expected.rfind(prefix, 0) != 0 || f.expected.back() != '"') return "";
  return f.expected.substr(prefix.size(), f.expected.size() - prefix.size() - 1);
}

// A location where the failing member is named: `/delta` + `stop_sequence`.
std::string location(const Finding& f, const std::string& pointer) {
  std::string where = normalise_pointer(pointer);
  if (f.rule == "required" || f.rule.find(":required") != std::string::npos) {
    const std::string member = required_member(f);
    if (!member.empty()) where += "/" + member;
  }
  return where.empty() ? "/" : where;
}

// "`message_stop`" or "\"a\", \"b\"" -> "message_stop" / "a|b".
std::string bare_list(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '`' || c == '"' || c == ' ') continue;
    out += c == ',' ? '|' : c;
  }
  return out;
}

// Digits in a stream rule key stand for an event or block index.
std::string without_indexes(const std::string& key) {
  std::string out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(key[i])) && (i == 0 || !std::isalpha(static_cast<unsigned char>(key[i - 1])))) {
      while (i + 1 < key.size() && std::isdigit(static_cast<unsigned char>(key[i + 1]))) ++i;
      out += '*';
    } else {
      out += key[i];
    }
  }
  return out;
}

// `/events/12/data/delta/x` -> `/delta/x`: an event is named by its schema, not its position.
std::string after_event_data(const std::string& pointer) {
  const std::string marker = "/data";
  if (pointer.rfind("/events/", 0) != 0) return pointer;
  auto at = pointer.find(marker, 8);
  return at == std::string::npos ? "" : pointer.substr(at + marker.size());
}

// "anthropic/stream/message_delta.json#/..." -> "message_delta".
std::string schema_stem(const std::string& ref) {
  std::string file = ref.substr(0, ref.find('#'));
  auto slash = file.rfind('/');
  if (slash != std::string::npos) file = file.substr(slash + 1);
  auto dot = file.rfind('.');
  return dot == std::string::npos ? file : file.substr(0, dot);
}

std::string stream_code(const Finding& f) {
  const std::string& key = f.rule;
  // Per-event schema errors: "schema:REF#PATH:KEYWORD".
  if (key.rfind("schema:", 0) == 0) {
    const std::string keyword = key.substr(key.rfind(':') + 1);
    Finding named = f;
    named.rule = keyword;
    return "stream.schema." + keyword + ":" + schema_stem(key.substr(7)) + location(named, after_event_data(f.pointer));
  }
  if (key.rfind("folded:", 0) == 0) {  // "folded:SCHEMA_PATH:KEYWORD/POINTER" (schema paths hold no ':')
    const std::size_t colon = key.find(':', 7);
    const std::string rest = colon == std::string::npos ? "" : key.substr(colon + 1);
    Finding named = f;
    named.rule = rest.substr(0, rest.find('/'));
    std::string pointer = f.pointer.rfind("/folded", 0) == 0 ? f.pointer.substr(7) : f.pointer;
    return "stream.folded-schema." + named.rule + ":" + location(named, pointer);
  }
  if (f.check == "sse") {  // framing: the connection or the event-stream syntax itself
    if (key == "end") return "stream.sse.cut";
    return "stream.sse." + without_indexes(key.rfind("sse:", 0) == 0 ? key.substr(4) : key);
  }
  if (key == "end") {
    const std::string enders = bare_list(f.expected);
    // "nothing": the grammar allows no end in the state the stream stopped in.
    return "stream.end:" + (enders.empty() || enders == "nothing" ? std::string("early") : enders + "-missing");
  }
  if (key.empty()) return "stream." + f.check + ":" + normalise_pointer(f.pointer);
  return "stream." + without_indexes(key);
}

std::string status_code(const Finding& f) {
  std::string expected;
  for (std::size_t i = 0; i < f.expected.size(); ++i) {
    if (f.expected.compare(i, 4, " or ") == 0) {
      expected += '|';
      i += 3;
    } else {
      expected += f.expected[i];
    }
  }
  return "status:" + expected + "\xE2\x86\x92" + f.actual;  // U+2192 RIGHTWARDS ARROW
}

std::string header_code(const Finding& f) {
  std::string name = f.pointer.rfind("header:", 0) == 0 ? f.pointer.substr(7) : f.pointer;
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "header." + (f.rule.empty() ? std::string("value") : f.rule) + ":" + name;
}

}  // namespace

std::string normalise_pointer(const std::string& pointer) {
  std::string out, segment;
  auto flush = [&] { out += all_digits(segment) ? "*" : segment; segment.clear(); };
  for (char c : pointer) {
    if (c == '/') {
      flush();
      out += '/';
    } else {
      segment += c;
    }
  }
  flush();
  return out;
}

std::string where_text(const SourceLocation& where) {
  if (where.file.empty()) return "";
  return where.line > 0 ? where.file + ":" + std::to_string(where.line) : where.file;
}

SourceLocation parse_where(const std::string& text) {
  SourceLocation where;
  auto colon = text.rfind(':');
  if (colon != std::string::npos && text.size() - colon - 1 <= 9 && all_digits(text.substr(colon + 1))) {
    where.file = text.substr(0, colon);
    where.line = std::stoi(text.substr(colon + 1));
  } else {
    where.file = text;
  }
  return where;
}

std::string finding_code(const Finding& f) {
  if (f.check == "status") return status_code(f);
  if (f.check == "header") return header_code(f);
  if (f.check == "stream-folded") {  // a case's assertion on the folded message: as a json one
    const std::string pointer = f.pointer.rfind("/folded", 0) == 0 ? f.pointer.substr(7) : f.pointer;
    return "stream.folded." + (f.rule.empty() ? std::string("value") : f.rule) + ":" + location(f, pointer);
  }
  if (f.check == "sse" || f.check.rfind("stream-", 0) == 0) {
    if (f.check == "stream-vs-json") return "stream.vs-json:" + location(f, f.pointer.substr(f.pointer.rfind("/folded", 0) == 0 ? 7 : 0));
    if (f.check == "stream-timing") return "stream.timing:" + (f.rule.empty() ? normalise_pointer(f.pointer) : without_indexes(f.rule));
    return stream_code(f);
  }
  // schema, unknown-field, json, lines, tool-input, body, capture, folded...: kind.rule:location.
  std::string code = f.check;
  if (!f.rule.empty()) code += "." + f.rule;
  return code + ":" + location(f, f.pointer);
}

}  // namespace ac
