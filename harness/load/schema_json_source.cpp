#include "load/schema_json_source.hpp"

#include <algorithm>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "load/schema_pointer.hpp"

namespace ac {

namespace {

// RapidJSON's reader works on a private copy of a StringStream while it reads a string or a
// number, so the original's Tell() lags behind inside those callbacks. A stream type of our own
// has no such copy optimisation (StreamTraits default), so Tell() is exact in every callback.
struct TellingStream {
  typedef char Ch;
  explicit TellingStream(const char* text) : head(text), cur(text) {}
  Ch Peek() const { return *cur; }
  Ch Take() { return *cur++; }
  std::size_t Tell() const { return static_cast<std::size_t>(cur - head); }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }
  const Ch* head;
  const Ch* cur;
};

// SAX handler that builds the Document (by forwarding every event to it) while recording the
// byte offset at which each value starts, keyed by its JSON pointer. RapidJSON reports a token
// once it has been read, so the start is found by skipping the separators that follow the
// previous token.
class LocatingHandler {
 public:
  LocatingHandler(rapidjson::Document& doc, const TellingStream& in, std::string_view text,
                  std::unordered_map<std::string, std::size_t>& offsets)
      : doc_(doc), in_(in), text_(text), offsets_(offsets) {}

  bool Null() { return scalar() && doc_.Null(); }
  bool Bool(bool b) { return scalar() && doc_.Bool(b); }
  bool Int(int i) { return scalar() && doc_.Int(i); }
  bool Uint(unsigned u) { return scalar() && doc_.Uint(u); }
  bool Int64(int64_t i) { return scalar() && doc_.Int64(i); }
  bool Uint64(uint64_t u) { return scalar() && doc_.Uint64(u); }
  bool Double(double d) { return scalar() && doc_.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) { return scalar() && doc_.RawNumber(s, n, copy); }
  bool String(const char* s, rapidjson::SizeType n, bool copy) { return scalar() && doc_.String(s, n, copy); }
  bool StartObject() { open(false); return doc_.StartObject(); }
  bool StartArray() { open(true); return doc_.StartArray(); }
  bool EndObject(rapidjson::SizeType n) { close(); return doc_.EndObject(n); }
  bool EndArray(rapidjson::SizeType n) { close(); return doc_.EndArray(n); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    frames_.back().key.assign(s, n);
    last_end_ = in_.Tell();
    return doc_.Key(s, n, copy);
  }

 private:
  struct Frame {
    bool array = false;
    std::size_t index = 0;
    std::string key;
    std::string pointer;
  };

  std::string record_start() {
    std::size_t start = last_end_;
    while (start < text_.size() && std::string_view(" \t\r\n,:").find(text_[start]) != std::string_view::npos) ++start;
    std::string pointer;
    if (!frames_.empty()) {
      const Frame& f = frames_.back();
      pointer = f.pointer;
      if (f.array) {
        append_pointer_index(pointer, f.index);
      } else {
        append_pointer_token(pointer, f.key);
      }
    }
    offsets_.emplace(pointer, start);
    return pointer;
  }
  void finish_value() {
    last_end_ = in_.Tell();
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }
  bool scalar() {
    record_start();
    finish_value();
    return true;
  }
  void open(bool array) {
    Frame f;
    f.array = array;
    f.pointer = record_start();
    frames_.push_back(std::move(f));
    last_end_ = in_.Tell();
  }
  void close() {
    frames_.pop_back();
    finish_value();
  }

  rapidjson::Document& doc_;
  const TellingStream& in_;
  std::string_view text_;
  std::unordered_map<std::string, std::size_t>& offsets_;
  std::vector<Frame> frames_;
  std::size_t last_end_ = 0;
};

}  // namespace

bool LocatedJson::parse(const std::string& display_path, const std::string& text, Diagnostic& diag) {
  file_ = display_path;
  line_starts_.assign(1, 0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
  offsets_.clear();
  TellingStream in(text.c_str());
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) in.cur += 3;  // a UTF-8 byte order mark is not JSON, but harmless
  rapidjson::Reader reader;
  rapidjson::ParseResult result;
  LocatingHandler handler(doc_, in, text, offsets_);
  // Populate() lets our handler drive the Document's own SAX interface, then installs the root.
  auto generate = [&](rapidjson::Document&) {
    result = reader.Parse<rapidjson::kParseStopWhenDoneFlag>(in, handler);
    return !result.IsError();
  };
  doc_.Populate(generate);
  if (!result.IsError()) {
    // kParseStopWhenDoneFlag lets us report trailing garbage ourselves, at its own position.
    std::size_t pos = in.Tell();
    while (pos < text.size() && std::string_view(" \t\r\n").find(text[pos]) != std::string_view::npos) ++pos;
    if (pos == text.size()) return true;
    diag = Diagnostic{at_offset(pos), "invalid JSON: unexpected text after the end of the document",
                      "a schema file holds exactly one JSON value"};
    return false;
  }
  diag = Diagnostic{at_offset(result.Offset()), std::string("invalid JSON: ") + rapidjson::GetParseError_En(result.Code()), ""};
  return false;
}

SourceLocation LocatedJson::at_offset(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
  std::size_t col = offset - line_starts_[line - 1] + 1;
  return SourceLocation{file_, static_cast<int>(line), static_cast<int>(col)};
}

SourceLocation LocatedJson::where(std::string_view pointer) const {
  std::string p(pointer);
  while (true) {
    auto it = offsets_.find(p);
    if (it != offsets_.end()) return at_offset(it->second);
    if (p.empty()) return SourceLocation{file_, 0, 0};
    p.resize(p.rfind('/'));
  }
}

}  // namespace ac
