#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "redact/encodings.hpp"
#include "redact/secrets.hpp"
#include "traffic/exchange_record.hpp"
#include "util/utf8.hpp"

namespace ac {

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void put_string(Writer& w, const char* name, const std::string& value) {
  w.Key(name);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void put_headers(Writer& w, const Headers& headers, const Redactor& redactor, const RecordOptions& options) {
  w.Key("headers");
  w.StartArray();
  for (const auto& h : headers) {
    w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
    w.StartArray();
    w.String(redactor.apply(valid_utf8(h.name)));
    w.String(is_secret_header(h.name, options) ? std::string(kSecretPlaceholder) : redactor.apply(valid_utf8(h.value)));
    w.EndArray();
    w.SetFormatOptions(rapidjson::kFormatDefault);
  }
  w.EndArray();
}

// A body as text when it is UTF-8 (nearly always), else as base64: a record holds the raw bytes.
void put_body(Writer& w, std::string body) {
  const bool text = is_valid_utf8(body);
  put_string(w, "body_encoding", text ? "utf-8" : "base64");
  put_string(w, "body", text ? body : base64_encode(body));
}

}  // namespace

std::string exchange_record_json(const ExchangeRecord& r, const RecordOptions& options) {
  const Redactor redactor = record_redactor(r, options);
  auto clean = [&](std::string text) {
    redactor.apply_in_place(text);
    return text;
  };
  rapidjson::StringBuffer out;
  Writer w(out);
  w.SetIndent(' ', 2);
  w.StartObject();
  put_string(w, "format", kExchangeRecordFormat);
  w.Key("sequence");
  w.Int(r.sequence);
  put_string(w, "started_at", valid_utf8(r.started_at));
  put_string(w, "target", clean(valid_utf8(r.target)));

  w.Key("request");
  w.StartObject();
  put_string(w, "method", valid_utf8(r.method));
  put_string(w, "path", clean(valid_utf8(r.path)));
  put_headers(w, r.request_headers, redactor, options);
  put_body(w, clean(r.request_body));
  w.EndObject();

  w.Key("response");
  w.StartObject();
  w.Key("status");
  w.Int(r.status);
  put_headers(w, r.response_headers, redactor, options);
  const std::string body = clean(r.response_body);
  put_body(w, body);
  w.Key("chunks");
  w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  w.StartArray();
  for (const auto& c : r.chunks) {
    if (c.offset >= body.size() && !(c.offset == 0 && body.empty())) break;  // a redaction shortened the body
    w.StartArray();
    w.Uint64(c.offset);
    w.Double(c.at_ms);
    w.EndArray();
  }
  w.EndArray();
  w.SetFormatOptions(rapidjson::kFormatDefault);
  put_string(w, "error", clean(valid_utf8(r.error)));
  w.EndObject();

  w.Key("timings");
  w.StartObject();
  w.Key("first_byte_ms");
  w.Double(r.first_byte_ms);
  w.Key("total_ms");
  w.Double(r.total_ms);
  w.EndObject();
  w.EndObject();
  return std::string(out.GetString(), out.GetSize()) + "\n";
}

namespace {

// Reads the members of a record, remembering the first problem as "<path>: <what is wrong>".
struct Reader {
  std::string error;

  const rapidjson::Value* member(const rapidjson::Value& object, const char* name, const std::string& at) {
    if (!error.empty()) return nullptr;
    auto it = object.FindMember(name);
    if (it == object.MemberEnd()) {
      error = at + name + ": missing";
      return nullptr;
    }
    return &it->value;
  }
  void string(const rapidjson::Value& object, const char* name, const std::string& at, std::string& out) {
    const rapidjson::Value* v = member(object, name, at);
    if (!v) return;
    if (!v->IsString()) {
      error = at + name + ": expected a string";
      return;
    }
    out.assign(v->GetString(), v->GetStringLength());
  }
  void number(const rapidjson::Value& object, const char* name, const std::string& at, double& out) {
    const rapidjson::Value* v = member(object, name, at);
    if (!v) return;
    if (!v->IsNumber()) error = at + name + ": expected a number";
    else out = v->GetDouble();
  }
  const rapidjson::Value* object(const rapidjson::Value& parent, const char* name, const std::string& at) {
    const rapidjson::Value* v = member(parent, name, at);
    if (v && !v->IsObject()) {
      error = at + name + ": expected an object";
      return nullptr;
    }
    return v;
  }
  void headers(const rapidjson::Value& object, const std::string& at, Headers& out) {
    const rapidjson::Value* v = member(object, "headers", at);
    if (!v) return;
    if (!v->IsArray()) {
      error = at + "headers: expected an array of [name, value] pairs";
      return;
    }
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
      const auto& pair = (*v)[i];
      if (!pair.IsArray() || pair.Size() != 2 || !pair[0].IsString() || !pair[1].IsString()) {
        error = at + "headers/" + std::to_string(i) + ": expected [name, value], two strings";
        return;
      }
      out.push_back(Header{pair[0].GetString(), pair[1].GetString()});
    }
  }
  void body(const rapidjson::Value& object, const std::string& at, std::string& out) {
    std::string encoding, text;
    string(object, "body_encoding", at, encoding);
    string(object, "body", at, text);
    if (!error.empty()) return;
    if (encoding == "utf-8") {
      out = std::move(text);
    } else if (encoding != "base64") {
      error = at + "body_encoding: \"" + encoding + "\" is neither \"utf-8\" nor \"base64\"";
    } else if (!base64_decode(text, out)) {
      error = at + "body: not valid base64";
    }
  }
  void chunks(const rapidjson::Value& object, const std::string& at, std::size_t body_size,
              std::vector<ReplyChunk>& out) {
    auto it = object.FindMember("chunks");
    if (it == object.MemberEnd() || !error.empty()) return;  // optional: one chunk at the first byte
    const auto& v = it->value;
    if (!v.IsArray()) {
      error = at + "chunks: expected an array of [offset, at_ms] pairs";
      return;
    }
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
      const auto& c = v[i];
      const std::string where = at + "chunks/" + std::to_string(i);
      if (!c.IsArray() || c.Size() != 2 || !c[0].IsUint64() || !c[1].IsNumber()) {
        error = where + ": expected [offset, at_ms], two numbers";
        return;
      }
      ReplyChunk chunk{static_cast<std::size_t>(c[0].GetUint64()), c[1].GetDouble()};
      if ((chunk.offset >= body_size && body_size > 0) || (!out.empty() && chunk.offset <= out.back().offset)) {
        error = where + ": offset " + std::to_string(chunk.offset) +
                " is not after the previous chunk's and inside the body (" + std::to_string(body_size) + " bytes)";
        return;
      }
      out.push_back(chunk);
    }
  }
};

}  // namespace

bool parse_exchange_record(std::string_view json, ExchangeRecord& out, std::string& error) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    error = "not JSON (at byte " + std::to_string(doc.GetErrorOffset()) + ")";
    return false;
  }
  if (!doc.IsObject()) {
    error = "expected a JSON object";
    return false;
  }
  Reader read;
  std::string format;
  read.string(doc, "format", "/", format);
  if (read.error.empty() && format != kExchangeRecordFormat)
    read.error = "/format: \"" + format + "\" is not a format this version reads (\"" + kExchangeRecordFormat + "\")";
  ExchangeRecord r;
  double sequence = 0;
  read.number(doc, "sequence", "/", sequence);
  r.sequence = static_cast<int>(sequence);
  read.string(doc, "started_at", "/", r.started_at);
  read.string(doc, "target", "/", r.target);
  if (const rapidjson::Value* req = read.object(doc, "request", "/")) {
    read.string(*req, "method", "/request/", r.method);
    read.string(*req, "path", "/request/", r.path);
    read.headers(*req, "/request/", r.request_headers);
    read.body(*req, "/request/", r.request_body);
  }
  if (const rapidjson::Value* res = read.object(doc, "response", "/")) {
    double status = 0;
    read.number(*res, "status", "/response/", status);
    r.status = static_cast<int>(status);
    read.headers(*res, "/response/", r.response_headers);
    read.body(*res, "/response/", r.response_body);
    read.chunks(*res, "/response/", r.response_body.size(), r.chunks);
    read.string(*res, "error", "/response/", r.error);
  }
  if (const rapidjson::Value* t = read.object(doc, "timings", "/")) {
    read.number(*t, "first_byte_ms", "/timings/", r.first_byte_ms);
    read.number(*t, "total_ms", "/timings/", r.total_ms);
  }
  if (!read.error.empty()) {
    error = read.error;
    return false;
  }
  out = std::move(r);
  return true;
}

}  // namespace ac
