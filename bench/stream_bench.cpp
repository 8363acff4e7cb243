// Throughput and memory of stream judging (issue 3, requirement 10) on a large synthetic stream
// of realistic Anthropic events, generated on the fly so the generator itself needs no memory.
// Not a test: run it by hand, e.g.
//   build/bench/stream_bench --mb 200                 # all modes, MB/s of stream text
//   build/bench/stream_bench --mb 1024 --mode judge                      # peak memory of a 1 GiB judge
// Modes: sse (event-stream parsing only), parse (sse + RapidJSON parse of every event), judge
// (StreamJudge: grammar, per-event schemas, folding, invariants). Figures go in docs/benchmarks.md.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include <rapidjson/document.h>

#include "schema/registry.hpp"
#include "sse/sse_parser.hpp"
#include "stream/stream_judge.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  double mb = 200;
  std::string mode = "all";
  std::string schemas = "schemas";
  std::string grammar = "schemas/anthropic/stream-grammar.yaml";
  std::size_t chunk = 16 * 1024;
  double fold_cap_mb = 16;  // StreamJudgeOptions::max_folded_text_bytes default
};

// Produces a valid stream of about `target` bytes: message_start; blocks of text (many short
// text_delta events, padded like the real API), a tool_use block every 8th block (its input
// split into input_json_delta fragments mid-token), a thinking block first; pings now and then;
// message_delta; message_stop.
class SyntheticStream {
 public:
  explicit SyntheticStream(std::size_t target) : target_(target) {}

  // Appends the next events to `out` until it holds at least `want` bytes; false when done.
  bool next(std::string& out, std::size_t want) {
    while (out.size() < want) {
      if (done_) return !out.empty();
      step(out);
    }
    return true;
  }
  std::size_t bytes() const { return produced_; }

 private:
  void emit(std::string& out, const char* name, const std::string& data) {
    std::size_t before = out.size();
    out += "event: ";
    out += name;
    out += "\ndata: ";
    out += data;
    out += "\n\n";
    produced_ += out.size() - before;
    if (++events_ % 300 == 0) {
      const char* ping = "event: ping\ndata: {\"type\": \"ping\"}\n\n";
      out += ping;
      produced_ += std::char_traits<char>::length(ping);
    }
  }

  void step(std::string& out) {
    if (!started_) {
      started_ = true;
      emit(out, "message_start",
           R"({"type":"message_start","message":{"model":"claude-sonnet-4-5-20250929","id":"msg_018E1hg8GoVTGEKQY3ovMcSJ","type":"message","role":"assistant","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1,"service_tier":"standard"}}            })");
      thinking_block(out);
      return;
    }
    if (produced_ >= target_) {
      emit(out, "message_delta",
           R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":)" +
               std::to_string(tokens_) + "}       }");
      emit(out, "message_stop", R"({"type":"message_stop"    })");
      done_ = true;
      return;
    }
    if (block_ % 8 == 7) tool_block(out);
    else text_block(out);
  }

  std::string index() const { return std::to_string(block_); }

  void thinking_block(std::string& out) {
    emit(out, "content_block_start",
         R"({"type":"content_block_start","index":)" + index() + R"(,"content_block":{"type":"thinking","thinking":"","signature":""}})");
    for (int i = 0; i < 20; ++i)
      emit(out, "content_block_delta",
           R"({"type":"content_block_delta","index":)" + index() +
               R"(,"delta":{"type":"thinking_delta","thinking":"The user wants a long answer, so I will plan its parts "}})");
    emit(out, "content_block_delta",
         R"({"type":"content_block_delta","index":)" + index() +
             R"(,"delta":{"type":"signature_delta","signature":"EqQBCkgIARABGAIiQL2sP0x5Yy0t9mW0cVNnA0R1vXw1i8u3eE2o7YkqI="}})");
    stop(out);
  }

  void text_block(std::string& out) {
    static const char* words[] = {"The ", "streamed ", "answer ", "continues ", "with ", "another ",
                                  "sentence, ", "carefully ", "written. ", "Numbers like 42 ", "and \\\"quotes\\\" "};
    emit(out, "content_block_start",
         R"({"type":"content_block_start","index":)" + index() + R"(,"content_block":{"type":"text","text":""}        })");
    for (int i = 0; i < 400; ++i) {
      std::string text;
      for (int w = 0; w < 4; ++w) text += words[(i * 7 + w * 3 + block_) % 11];
      emit(out, "content_block_delta",
           R"({"type":"content_block_delta","index":)" + index() + R"(,"delta":{"type":"text_delta","text":")" +
               text + R"("}      })");
      ++tokens_;
    }
    stop(out);
  }

  void tool_block(std::string& out) {
    emit(out, "content_block_start",
         R"({"type":"content_block_start","index":)" + index() +
             R"(,"content_block":{"type":"tool_use","id":"toolu_01NRLabsLyVHZPKxbKvkfSMn","name":"get_weather","input":{}}})");
    std::string input = R"({"location": "Paris, France", "unit": "celsius", "days": [1, 2, 3], "note": ")" +
                        std::string(300, 'x') + "\"}";
    std::string escaped;
    for (char c : input) {
      if (c == '"') escaped += "\\\"";
      else escaped += c;
    }
    emit(out, "content_block_delta",
         R"({"type":"content_block_delta","index":)" + index() + R"(,"delta":{"type":"input_json_delta","partial_json":""}})");
    for (std::size_t pos = 0; pos < escaped.size();) {
      std::size_t n = std::min<std::size_t>(17, escaped.size() - pos);
      if (escaped[pos + n - 1] == '\\') ++n;  // never split an escape
      emit(out, "content_block_delta",
           R"({"type":"content_block_delta","index":)" + index() +
               R"(,"delta":{"type":"input_json_delta","partial_json":")" + escaped.substr(pos, n) + R"("}})");
      pos += n;
    }
    stop(out);
  }

  void stop(std::string& out) {
    emit(out, "content_block_stop", R"({"type":"content_block_stop","index":)" + index() + "        }");
    ++block_;
  }

  std::size_t target_;
  std::size_t produced_ = 0;
  std::size_t events_ = 0;
  int block_ = 0;
  long tokens_ = 1;
  bool started_ = false;
  bool done_ = false;
};

// Counts events and optionally parses each one's JSON into a reused pool, like the judge does.
struct CountingSink : ac::SseSink {
  bool parse = false;
  std::size_t events = 0, problems = 0, invalid = 0;
  char buffer[64 * 1024];
  rapidjson::MemoryPoolAllocator<> pool{buffer, sizeof buffer};
  rapidjson::Document doc{&pool};
  void on_event(const ac::SseEvent& e) override {
    ++events;
    if (!parse) return;
    doc.SetNull();
    pool.Clear();
    doc.Parse(e.data.data(), e.data.size());
    invalid += doc.HasParseError();
  }
  void on_problem(const ac::SseProblem&) override { ++problems; }
};

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

template <typename Feed>
double run(const Options& o, Feed feed, std::size_t& bytes) {
  SyntheticStream s(static_cast<std::size_t>(o.mb * 1024 * 1024));
  std::string buf;
  buf.reserve(o.chunk * 2);
  double secs = 0;
  while (s.next(buf, o.chunk)) {
    auto t0 = Clock::now();  // only the judging is timed, not the generator
    feed(buf.data(), buf.size());
    secs += std::chrono::duration<double>(Clock::now() - t0).count();
    buf.clear();
  }
  bytes = s.bytes();
  return secs;
}

void report(const char* what, std::size_t bytes, double secs, const std::string& extra) {
  double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  std::printf("%-6s %8.1f MB in %7.2f s = %7.1f MB/s  %s\n", what, mb, secs, mb / secs, extra.c_str());
}

bool parse_args(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
    if (!v) return false;
    ++i;
    if (a == "--mb") o.mb = std::atof(v);
    else if (a == "--mode") o.mode = v;
    else if (a == "--schemas") o.schemas = v;
    else if (a == "--grammar") o.grammar = v;
    else if (a == "--chunk") o.chunk = static_cast<std::size_t>(std::atol(v));
    else if (a == "--fold-cap-mb") o.fold_cap_mb = std::atof(v);
    else return false;
  }
  return o.mb > 0 && o.chunk > 0 && (o.mode == "all" || o.mode == "sse" || o.mode == "parse" || o.mode == "judge");
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse_args(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: stream_bench [--mb N] [--mode all|sse|parse|judge] [--schemas DIR] [--grammar FILE]\n"
                 "                    [--chunk BYTES] [--fold-cap-mb N]\n");
    return 2;
  }
  std::size_t bytes = 0;
  if (o.mode == "all" || o.mode == "sse" || o.mode == "parse") {
    for (bool parse : {false, true}) {
      if ((o.mode == "sse" && parse) || (o.mode == "parse" && !parse)) continue;
      CountingSink sink;
      sink.parse = parse;
      ac::SseParser p(sink);
      double secs = run(o, [&](const char* d, std::size_t n) { p.feed(d, n, 0); }, bytes);
      p.finish(0);
      report(parse ? "parse" : "sse", bytes, secs,
             std::to_string(sink.events) + " events" + (sink.invalid ? ", INVALID JSON" : ""));
    }
  }
  if (o.mode == "all" || o.mode == "judge") {
    std::unique_ptr<ac::Grammar> grammar;
    ac::Diagnostics d = ac::load_grammar(o.grammar, grammar);
    auto schemas = ac::SchemaRegistry::load(o.schemas, d);
    if (!grammar || !schemas || !d.empty()) {
      for (const auto& x : d) std::fprintf(stderr, "%s", ac::format_diagnostic(x).c_str());
      return 1;
    }
    ac::StreamExpectation expect;
    ac::StreamJudgeOptions opt;
    opt.judge_timing = false;
    opt.max_folded_text_bytes = static_cast<std::size_t>(o.fold_cap_mb * 1024 * 1024);
    ac::StreamJudge judge(*grammar, *schemas, expect, opt);
    double secs = run(o, [&](const char* d2, std::size_t n) { judge.feed(d2, n, 0); }, bytes);
    auto t0 = Clock::now();
    judge.finish(true);
    secs += std::chrono::duration<double>(Clock::now() - t0).count();
    std::string extra = std::to_string(judge.event_count()) + " events, " + std::to_string(judge.findings().size()) +
                        " findings";
    report("judge", bytes, secs, extra);
    for (std::size_t i = 0; i < judge.findings().size() && i < 5; ++i)
      std::printf("  finding: %s %s\n", judge.findings()[i].check.c_str(), judge.findings()[i].message.c_str());
  }
  std::printf("peak RSS %.1f MiB (chunk %zu bytes, fold cap %.0f MiB)\n", peak_rss_kib() / 1024.0, o.chunk,
              o.fold_cap_mb);
  return 0;
}
