#include "stream_test_support.hpp"

#include <sstream>

#include "support/run_binary.hpp"

namespace ac::test {

const Grammar& anthropic_grammar() {
  static std::unique_ptr<Grammar> g = [] {
    std::unique_ptr<Grammar> out;
    Diagnostics d = load_grammar(test::source_dir() + "/schemas/anthropic/stream-grammar.yaml", out);
    for (const auto& x : d) ADD_FAILURE() << format_diagnostic(x);
    return out;
  }();
  return *g;
}

const SchemaRegistry& anthropic_schemas() {
  static std::unique_ptr<SchemaRegistry> r = [] {
    Diagnostics d;
    auto reg = SchemaRegistry::load(test::source_dir() + "/schemas", d);
    for (const auto& x : d) ADD_FAILURE() << format_diagnostic(x);
    return reg;
  }();
  return *r;
}

std::string frame(const std::string& name, const std::string& data) {
  return "event: " + name + "\ndata: " + data + "\n\n";
}

std::string message_start(int output_tokens, const std::string& stop_reason) {
  return frame("message_start",
               R"({"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","content":[],)"
               R"("model":"claude-x","stop_reason":)" +
                   stop_reason + R"(,"stop_sequence":null,"usage":{"input_tokens":10,"output_tokens":)" +
                   std::to_string(output_tokens) + "}}}");
}

std::string block_start(int index, const std::string& block_json) {
  return frame("content_block_start", R"({"type":"content_block_start","index":)" + std::to_string(index) +
                                          R"(,"content_block":)" + block_json + "}");
}

std::string text_start(int index) { return block_start(index, R"({"type":"text","text":""})"); }

std::string delta(int index, const std::string& delta_json) {
  return frame("content_block_delta",
               R"({"type":"content_block_delta","index":)" + std::to_string(index) + R"(,"delta":)" + delta_json + "}");
}

std::string text_delta(int index, const std::string& text) {
  return delta(index, R"({"type":"text_delta","text":")" + text + "\"}");
}

std::string block_stop(int index) {
  return frame("content_block_stop", R"({"type":"content_block_stop","index":)" + std::to_string(index) + "}");
}

std::string message_delta(const std::string& stop_reason, int output_tokens, const std::string& stop_sequence) {
  return frame("message_delta", R"({"type":"message_delta","delta":{"stop_reason":)" + stop_reason +
                                    R"(,"stop_sequence":)" + stop_sequence + R"(},"usage":{"output_tokens":)" +
                                    std::to_string(output_tokens) + "}}");
}

std::string message_stop() { return frame("message_stop", R"({"type":"message_stop"})"); }
std::string ping() { return frame("ping", R"({"type": "ping"})"); }

std::string valid_text_stream() {
  return message_start() + text_start(0) + ping() + text_delta(0, "Hello") + text_delta(0, " world") +
         block_stop(0) + message_delta("\"end_turn\"", 5) + message_stop();
}

namespace {

// Feeds `text` (`chunk` bytes at a time; 0 = at once) to a judge and keeps what it concluded.
Judged judge(const Grammar& g, const SchemaRegistry& s, const StreamExpectation& expect, const std::string& text,
             bool connection_completed, std::size_t chunk, StreamJudgeOptions options) {
  options.judge_timing = false;
  StreamJudge j(g, s, expect, options);
  if (chunk == 0) chunk = text.size() ? text.size() : 1;
  for (std::size_t pos = 0; pos < text.size(); pos += chunk)
    j.feed(text.data() + pos, std::min(chunk, text.size() - pos), 0);
  j.finish(connection_completed);
  Judged out;
  out.findings = j.findings();
  out.events = j.event_count();
  out.completed = j.completed();
  out.error = j.ended_with_error();
  out.error_summary = j.error_summary();
  out.folded = std::make_shared<rapidjson::Document>();
  out.folded->CopyFrom(j.folded(), out.folded->GetAllocator());
  return out;
}

const StreamExpectation kAnyStream;

}  // namespace

Judged judge_with(const Grammar& g, const SchemaRegistry& s, const std::string& text, StreamJudgeOptions options) {
  return judge(g, s, kAnyStream, text, true, 0, options);
}

Judged judge_text(const std::string& text, bool connection_completed, std::size_t chunk, StreamJudgeOptions options) {
  return judge(anthropic_grammar(), anthropic_schemas(), kAnyStream, text, connection_completed, chunk, options);
}

Judged judge_expecting(const StreamExpectation& expect, const std::string& text) {
  return judge(anthropic_grammar(), anthropic_schemas(), expect, text, true, 0, {});
}

std::size_t failing(const Findings& f) {
  std::size_t n = 0;
  for (const auto& x : f) n += x.severity != Severity::Warning;
  return n;
}

const Finding* find(const Findings& f, const std::string& check, const std::string& text) {
  for (const auto& x : f)
    if (x.check == check && x.message.find(text) != std::string::npos) return &x;
  return nullptr;
}

std::string dump(const Findings& f) {
  std::ostringstream s;
  for (const auto& x : f)
    s << "  [" << to_string(x.severity) << "] " << x.check << " " << x.pointer << ": " << x.message
      << (x.expected.empty() ? "" : " (expected " + x.expected + ", got " + x.actual + ")") << "\n";
  return s.str();
}

}  // namespace ac::test
