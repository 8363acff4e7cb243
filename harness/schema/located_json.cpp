#include "schema/located_json.hpp"

#include <algorithm>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "schema/pointer.hpp"

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

// SAX handler that records the byte offset at which each value starts, keyed by its JSON pointer.
// RapidJSON reports a token once it has been read, so the start is found by skipping the
// separators that follow the previous token.
class LocatingHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, LocatingHandler> {
 public:
  LocatingHandler(const TellingStream& in, std::string_view text, std::unordered_map<std::string, std::size_t>& offsets)
      : in_(in), text_(text), offsets_(offsets) {}

  bool Default() {  // every scalar
    record_start();
    finish_value();
    return true;
  }
  bool StartObject() { return open(false); }
  bool StartArray() { return open(true); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    frames_.back().key.assign(s, n);
    last_end_ = in_.Tell();
    return true;
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
  bool open(bool array) {
    Frame f;
    f.array = array;
    f.pointer = record_start();
    frames_.push_back(std::move(f));
    last_end_ = in_.Tell();
    return true;
  }
  bool close() {
    frames_.pop_back();
    finish_value();
    return true;
  }

  const TellingStream& in_;
  std::string_view text_;
  std::unordered_map<std::string, std::size_t>& offsets_;
  std::vector<Frame> frames_;
  std::size_t last_end_ = 0;
};

}  // namespace

bool LocatedJson::parse(const std::string& display_path, std::string text, rapidjson::Document& doc, Diagnostic& diag) {
  file_ = display_path;
  text_ = std::move(text);
  line_starts_.clear();
  offsets_.clear();
  start_ = text_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a UTF-8 byte order mark is not JSON, but harmless
  rapidjson::StringStream in(text_.c_str() + start_);
  // kParseStopWhenDoneFlag lets us report trailing garbage ourselves, at its own position.
  doc.ParseStream<rapidjson::kParseStopWhenDoneFlag>(in);
  if (!doc.HasParseError()) {
    std::size_t pos = start_ + in.Tell();
    while (pos < text_.size() && std::string_view(" \t\r\n").find(text_[pos]) != std::string_view::npos) ++pos;
    if (pos == text_.size()) return true;
    diag = Diagnostic{at_offset(pos), "invalid JSON: unexpected text after the end of the document",
                      "a schema file holds exactly one JSON value"};
    return false;
  }
  diag = Diagnostic{at_offset(start_ + doc.GetErrorOffset()),
                    std::string("invalid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()), ""};
  return false;
}

void LocatedJson::locate() const {
  if (!offsets_.empty()) return;  // a parsed document has at least its root
  TellingStream in(text_.c_str() + start_);
  LocatingHandler handler(in, std::string_view(text_).substr(start_), offsets_);
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseStopWhenDoneFlag>(in, handler);
  for (auto& entry : offsets_) entry.second += start_;
}

SourceLocation LocatedJson::at_offset(std::size_t offset) const {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
  std::size_t col = offset - line_starts_[line - 1] + 1;
  return SourceLocation{file_, static_cast<int>(line), static_cast<int>(col)};
}

SourceLocation LocatedJson::where(std::string_view pointer) const {
  locate();
  std::string p(pointer);
  while (true) {
    auto it = offsets_.find(p);
    if (it != offsets_.end()) return at_offset(it->second);
    if (p.empty()) return SourceLocation{file_, 0, 0};
    p.resize(p.rfind('/'));
  }
}

}  // namespace ac
