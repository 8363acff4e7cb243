#include "results/results_reader.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "results/results_json.hpp"

namespace ac {
namespace {

constexpr int kSupportedFormat = 1;

bool read_whole_file(const std::string& path, std::string& text, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot read results: " + std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return true;
}

// "line L, column C" of a byte offset, so a hand-edited file's mistake can be found.
std::string line_and_column(const std::string& text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

std::string parse_error_message(const std::string& path, const std::string& text,
                                const rapidjson::Document& doc) {
  const std::size_t offset = doc.GetErrorOffset();
  std::string message = path + ":" + line_and_column(text, offset) + ": invalid JSON at byte " +
                        std::to_string(offset) + ": " + rapidjson::GetParseError_En(doc.GetParseError());
  // A run that was killed leaves the file cut short; say so rather than just "invalid".
  if (offset >= text.size() && !text.empty()) message += " (the file ends early: was the run interrupted?)";
  return message;
}

bool check_format(const std::string& path, const rapidjson::Document& doc, std::string& error) {
  if (!doc.IsObject()) {
    error = path + ": not an apiconform results file (the top level is not a JSON object)";
    return false;
  }
  auto format = doc.FindMember("format");
  if (format == doc.MemberEnd()) {
    error = path + ": not an apiconform results file (no \"format\" field)";
    return false;
  }
  if (!format->value.IsInt()) {
    error = path + ": \"format\" must be an integer";
    return false;
  }
  if (format->value.GetInt() != kSupportedFormat) {
    error = path + ": results format " + std::to_string(format->value.GetInt()) +
            " is not supported (this apiconform reads format " + std::to_string(kSupportedFormat) +
            "; use the apiconform version that wrote it)";
    return false;
  }
  return true;
}

bool read_document(const rapidjson::Document& doc, ResultsFile& out, std::string& error) {
  out.format = doc["format"].GetInt();
  auto tool = doc.FindMember("tool");
  if (tool != doc.MemberEnd() && tool->value.IsObject()) {
    auto version = tool->value.FindMember("version");
    if (version != tool->value.MemberEnd() && version->value.IsString()) out.tool_version = version->value.GetString();
  }
  auto run = doc.FindMember("run");
  if (run == doc.MemberEnd()) {
    error = "run: missing";
    return false;
  }
  if (!run_from_json(run->value, "run", out.run, error)) return false;
  auto results = doc.FindMember("results");
  if (results == doc.MemberEnd() || !results->value.IsArray()) {
    error = results == doc.MemberEnd() ? "results: missing" : "results: expected an array";
    return false;
  }
  for (rapidjson::SizeType i = 0; i < results->value.Size(); ++i) {
    Result r;
    if (!result_from_json(results->value[i], "results[" + std::to_string(i) + "]", r, error)) return false;
    out.results.push_back(std::move(r));
  }
  auto summary = doc.FindMember("summary");
  if (summary != doc.MemberEnd()) {
    if (!summary_from_json(summary->value, "summary", out.summary, error)) return false;
  } else {
    for (const auto& r : out.results) out.summary.add(r.verdict);
  }
  auto finished = doc.FindMember("finished_at");
  if (finished != doc.MemberEnd() && finished->value.IsString()) out.finished_at = finished->value.GetString();
  return true;
}

}  // namespace

bool read_results(const std::string& path, ResultsFile& out, std::string& error) {
  std::string text;
  if (!read_whole_file(path, text, error)) return false;
  if (text.empty()) {
    error = path + ": empty file (not an apiconform results file)";
    return false;
  }
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError()) {
    error = parse_error_message(path, text, doc);
    return false;
  }
  if (!check_format(path, doc, error)) return false;
  ResultsFile file;
  std::string where_error;
  if (!read_document(doc, file, where_error)) {
    error = path + ": " + where_error;
    return false;
  }
  out = std::move(file);
  return true;
}

}  // namespace ac
