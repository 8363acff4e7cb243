#include "results/results_reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/filereadstream.h>
#include <rapidjson/reader.h>

#include "results/deviations.hpp"
#include "results/results_json.hpp"

namespace ac {
namespace {

// results.json can hold tens of thousands of exchanges. It is read as a stream of JSON events:
// only one result at a time becomes a DOM (then a Result), so reading needs little more memory
// than the ResultsFile it fills.

constexpr int kSupportedFormat = 1;

using FileCloser = int (*)(std::FILE*);
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Builds one JSON value from SAX events (Debian's RapidJSON has no pull parser, and a Document
// cannot stop at the end of a sub-value).
class ValueBuilder {
 public:
  bool active() const { return !stack_.empty(); }
  rapidjson::Document& value() { return doc_; }

  void start(rapidjson::Type type) { stack_.emplace_back(type); }
  void key(const char* s, rapidjson::SizeType n) { keys_.emplace_back(s, n, doc_.GetAllocator()); }
  void scalar(rapidjson::Value v) { add(std::move(v)); }
  void string(const char* s, rapidjson::SizeType n) { add(rapidjson::Value(s, n, doc_.GetAllocator())); }
  // Closes the innermost object or array; returns true when that finished the whole value.
  bool end() {
    rapidjson::Value done(std::move(stack_.back()));
    stack_.pop_back();
    if (!stack_.empty()) {
      add(std::move(done));
      return false;
    }
    static_cast<rapidjson::Value&>(doc_) = std::move(done);
    return true;
  }
  // Frees the finished value's memory before the next one.
  void reset() {
    doc_ = rapidjson::Document();
    keys_.clear();
  }

 private:
  void add(rapidjson::Value v) {
    rapidjson::Value& parent = stack_.back();
    if (parent.IsObject()) {
      parent.AddMember(keys_.back(), v, doc_.GetAllocator());
      keys_.pop_back();
    } else {
      parent.PushBack(v, doc_.GetAllocator());
    }
  }
  rapidjson::Document doc_;
  std::vector<rapidjson::Value> stack_;
  std::vector<rapidjson::Value> keys_;
};

// Follows the top-level object of results.json: its scalars directly; each object value (and
// each element of "results") is built by the ValueBuilder and turned into its part of the
// ResultsFile as soon as it closes, so only one result is ever held as JSON.
class ResultsHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, ResultsHandler> {
 public:
  explicit ResultsHandler(ResultsFile& out) : out_(out) {}

  int format = -1;  // -1: not seen
  bool format_is_int = true;
  bool saw_run = false, saw_results = false, saw_summary = false, saw_deviations = false;
  std::string error;  // a problem with the content, "<where>: <what>" (empty for JSON syntax errors)
  bool format_error = false;

  bool Null() { return scalar(rapidjson::Value()); }
  bool Bool(bool b) { return scalar(rapidjson::Value(b)); }
  bool Int(int i) { return number(rapidjson::Value(i), i, true); }
  bool Uint(unsigned i) { return number(rapidjson::Value(i), static_cast<double>(i), true); }
  bool Int64(int64_t i) { return number(rapidjson::Value(i), static_cast<double>(i), true); }
  bool Uint64(uint64_t i) { return number(rapidjson::Value(i), static_cast<double>(i), true); }
  bool Double(double d) { return number(rapidjson::Value(d), d, false); }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (builder_.active()) {
      builder_.string(s, n);
      return true;
    }
    if (depth_ == 1 && key_ == "finished_at") out_.finished_at.assign(s, n);
    return top_scalar();
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (builder_.active()) builder_.key(s, n);
    else key_.assign(s, n);
    return true;
  }
  bool StartObject() { return open(rapidjson::kObjectType); }
  bool StartArray() { return open(rapidjson::kArrayType); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

 private:
  bool number(rapidjson::Value v, double value, bool is_int) {
    if (builder_.active()) return scalar(std::move(v));
    if (depth_ == 1 && key_ == "format") {
      format = static_cast<int>(value);
      format_is_int = is_int && value == format;
      if (format != kSupportedFormat || !format_is_int) return fail("", true);  // stop before reading further
    }
    return top_scalar();
  }
  bool scalar(rapidjson::Value v) {
    if (builder_.active()) {
      builder_.scalar(std::move(v));
      return true;
    }
    return top_scalar();
  }
  bool top_scalar() {
    if (depth_ == 0) return fail("not an apiconform results file (the top level is not a JSON object)");
    if (depth_ == 2) return fail("results[" + std::to_string(out_.results.size()) + "]: expected an object");
    return true;
  }
  bool open(rapidjson::Type type) {
    if (builder_.active()) {
      builder_.start(type);
      return true;
    }
    if (depth_ == 0) {
      if (type != rapidjson::kObjectType) return fail("not an apiconform results file (the top level is not a JSON object)");
      depth_ = 1;
      return true;
    }
    if (depth_ == 1 && key_ == "results") {
      if (type != rapidjson::kArrayType) return fail("results: expected an array");
      saw_results = true;
      depth_ = 2;
      return true;
    }
    if (depth_ == 2 && type != rapidjson::kObjectType) {
      return fail("results[" + std::to_string(out_.results.size()) + "]: expected an object");
    }
    builder_.start(type);
    return true;
  }
  bool close() {
    if (builder_.active()) return builder_.end() ? take_built() : true;
    --depth_;  // the end of "results" or of the top-level object
    return true;
  }
  bool take_built() {
    std::string problem;
    bool ok = true;
    if (depth_ == 2) {
      // A result is only read once the format is known to be ours.
      if (format != kSupportedFormat) return fail("", true);
      Result r;
      ok = result_from_json(builder_.value(), "results[" + std::to_string(out_.results.size()) + "]", r, problem);
      if (ok) out_.results.push_back(std::move(r));
    } else if (key_ == "run") {
      saw_run = true;
      ok = run_from_json(builder_.value(), "run", out_.run, problem);
    } else if (key_ == "deviations") {
      saw_deviations = true;
      ok = deviations_from_json(builder_.value(), "deviations", out_.deviations, problem);
    } else if (key_ == "cost") {
      ok = cost_from_json(builder_.value(), "cost", out_.cost, problem);
    } else if (key_ == "upstream") {
      out_.upstream.emplace();
      ok = upstream_run_from_json(builder_.value(), "upstream", *out_.upstream, problem);
    } else if (key_ == "summary") {
      saw_summary = true;
      ok = summary_from_json(builder_.value(), "summary", out_.summary, problem);
    } else if (key_ == "tool" && builder_.value().IsObject()) {
      auto version = builder_.value().FindMember("version");
      if (version != builder_.value().MemberEnd() && version->value.IsString()) {
        out_.tool_version = version->value.GetString();
      }
    }  // other keys: fields of later versions, ignored
    builder_.reset();
    return ok ? true : fail(problem);
  }
  bool fail(const std::string& what, bool is_format_error = false) {
    error = what;
    format_error = is_format_error;
    return false;
  }

  ResultsFile& out_;
  ValueBuilder builder_;
  std::string key_;  // the current top-level key
  int depth_ = 0;    // 0 outside, 1 in the top object, 2 in "results"
};

// "line:column" of a byte offset, read again from the file so the message points at the mistake.
std::string line_and_column(const std::string& path, std::size_t offset) {
  FilePtr file(std::fopen(path.c_str(), "rb"), &std::fclose);
  int line = 1, column = 1;
  for (std::size_t i = 0; file && i < offset; ++i) {
    const int c = std::fgetc(file.get());
    if (c == EOF) break;
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

long file_size(std::FILE* file) {
  if (std::fseek(file, 0, SEEK_END) != 0) return -1;
  const long size = std::ftell(file);
  std::rewind(file);
  return size;
}

std::string syntax_error(const std::string& path, rapidjson::ParseResult result, long size) {
  const std::size_t offset = result.Offset();
  std::string message = path + ":" + line_and_column(path, offset) + ": invalid JSON at byte " + std::to_string(offset) +
                        ": " + rapidjson::GetParseError_En(result.Code());
  // A run that was killed leaves the file cut short; say so rather than just "invalid".
  if (size > 0 && offset >= static_cast<std::size_t>(size)) message += " (the file ends early: was the run interrupted?)";
  return message;
}

std::string format_error(const std::string& path, const ResultsHandler& h) {
  if (h.format == -1) return path + ": not an apiconform results file (no \"format\" field)";
  if (!h.format_is_int) return path + ": \"format\" must be an integer";
  return path + ": results format " + std::to_string(h.format) + " is not supported (this apiconform reads format " +
         std::to_string(kSupportedFormat) + "; use the apiconform version that wrote it)";
}

}  // namespace

bool read_results(const std::string& path, ResultsFile& out, std::string& error) {
  FilePtr file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    error = path + ": cannot read results: " + std::strerror(errno);
    return false;
  }
  const long size = file_size(file.get());
  if (size == 0) {
    error = path + ": empty file (not an apiconform results file)";
    return false;
  }
  std::vector<char> buffer(1 << 16);
  rapidjson::FileReadStream stream(file.get(), buffer.data(), buffer.size());
  ResultsFile parsed;
  ResultsHandler handler(parsed);
  rapidjson::Reader reader;
  const rapidjson::ParseResult result = reader.Parse(stream, handler);
  if (handler.format_error || (result && handler.format != kSupportedFormat)) {
    error = format_error(path, handler);
    return false;
  }
  if (!handler.error.empty()) {
    error = path + ": " + handler.error;
    return false;
  }
  if (!result) {
    error = syntax_error(path, result, size);
    return false;
  }
  if (!handler.saw_run || !handler.saw_results) {
    error = path + ": " + (handler.saw_run ? "results: missing" : "run: missing");
    return false;
  }
  parsed.format = handler.format;
  if (!handler.saw_summary) {
    parsed.summary = Summary{};
    for (const auto& r : parsed.results) parsed.summary.add(r.verdict);
  }
  // Written before deviations existed (or by a run that was cut short): found from the results.
  if (!handler.saw_deviations) parsed.deviations = find_deviations(parsed);
  out = std::move(parsed);
  return true;
}

}  // namespace ac
