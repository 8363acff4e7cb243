// Valijson as the oracle: the compiled schemas' validity walk must judge exactly as Valijson
// does. These tests validate many values (fixtures, the recorded Anthropic streams, real-looking
// replies, and systematic mutations of them) with both and compare, and check that every
// rejection is explained by a specific keyword.
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/writer.h>

#include <httplib.h>

#include "schema/pointer.hpp"
#include "schema/registry.hpp"
#include "sim/simulator.hpp"

#include "support/run_binary.hpp"

namespace ac {
namespace {

std::filesystem::path here() { return (std::filesystem::path(test::source_dir()) / "tests/unit/schema"); }
std::filesystem::path repo_schemas() { return std::filesystem::path(test::source_dir()) / "schemas"; }

std::string to_text(const rapidjson::Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return buffer.GetString();
}

void collect_pointers(const rapidjson::Value& v, const std::string& at, std::vector<std::string>& out) {
  out.push_back(at);
  if (v.IsObject()) {
    for (const auto& m : v.GetObject()) {
      std::string p = at;
      append_pointer_token(p, m.name.GetString());
      collect_pointers(m.value, p, out);
    }
  } else if (v.IsArray()) {
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
      std::string p = at;
      append_pointer_index(p, i);
      collect_pointers(v[i], p, out);
    }
  }
}

// The value itself, then at every place: each replacement below, the member removed, and an
// unknown member added to each object.
std::vector<std::string> mutations(const std::string& json) {
  static const char* kReplacements[] = {"null", "0", "1.5", "-1", "\"\"", "\"x\"", "true", "{}", "[]", "\"text_delta\""};
  std::vector<std::string> out{json};
  rapidjson::Document base;
  base.Parse(json.c_str());
  std::vector<std::string> pointers;
  collect_pointers(base, "", pointers);
  for (const std::string& p : pointers) {
    auto variant = [&](const std::function<void(rapidjson::Document&, rapidjson::Value&)>& change) {
      rapidjson::Document d;
      d.Parse(json.c_str());
      rapidjson::Value* at = const_cast<rapidjson::Value*>(resolve_pointer(d, p));
      change(d, *at);
      out.push_back(to_text(d));
    };
    for (const char* r : kReplacements) {
      variant([&](rapidjson::Document& d, rapidjson::Value& at) {
        rapidjson::Document repl;
        repl.Parse(r);
        at.CopyFrom(repl, d.GetAllocator());
      });
    }
    variant([&](rapidjson::Document& d, rapidjson::Value& at) {
      if (at.IsObject()) at.AddMember("zz_extra", 1, d.GetAllocator());
    });
    std::size_t slash = p.rfind('/');
    if (slash != std::string::npos) {
      std::vector<std::string> tokens;
      split_pointer(p.substr(slash), tokens);
      std::string parent = p.substr(0, slash);
      rapidjson::Document d;
      d.Parse(json.c_str());
      rapidjson::Value* up = const_cast<rapidjson::Value*>(resolve_pointer(d, parent));
      if (up->IsObject()) {
        up->RemoveMember(tokens[0].c_str());
        out.push_back(to_text(d));
      } else if (up->IsArray()) {
        up->Erase(up->Begin() + std::stoi(tokens[0]));
        out.push_back(to_text(d));
      }
    }
  }
  return out;
}

struct Sample {
  std::string ref;
  std::string json;
};

// Compares the two registries on every mutation of every sample; returns how many were invalid.
int compare(const SchemaRegistry& fast, const SchemaRegistry& reference, const std::vector<Sample>& samples) {
  int invalid = 0;
  for (const Sample& s : samples) {
    if (!fast.has(s.ref)) {
      ADD_FAILURE() << "no schema " << s.ref;
      continue;
    }
    for (const std::string& text : mutations(s.json)) {
      rapidjson::Document d;
      d.Parse(text.c_str());
      auto by_fast = fast.validate(s.ref, d);
      auto by_valijson = reference.validate(s.ref, d);
      EXPECT_EQ(by_fast.empty(), by_valijson.empty()) << s.ref << " " << text;
      if (by_fast.empty()) continue;
      ++invalid;
      for (const SchemaError& e : by_fast) {
        EXPECT_NE(e.keyword, "schema") << "unexplained rejection of " << text << " by " << s.ref << ": " << e.message;
        EXPECT_FALSE(e.message.empty());
      }
    }
  }
  return invalid;
}

void load_both(const std::string& root, std::unique_ptr<SchemaRegistry>& fast, std::unique_ptr<SchemaRegistry>& reference) {
  Diagnostics diags;
  fast = SchemaRegistry::load(root, diags);
  ASSERT_TRUE(diags.empty()) << format_diagnostic(diags[0]);
  SchemaLoadOptions options;
  options.fast_path = false;
  reference = SchemaRegistry::load(root, diags, options);
}

TEST(ValijsonOracle, AgreesWithValijsonOnFixtureSchemas) {
  std::unique_ptr<SchemaRegistry> fast, reference;
  load_both((here() / "schemas" / "good").string(), fast, reference);
  std::vector<Sample> samples = {
      {"anthropic/message.json",
       R"({"id":"msg_1","type":"message","role":"assistant","content":[{"type":"text","text":"hi"},{"type":"tool_use","id":"toolu_1","name":"f","input":{"a":[1,2]}}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":5},"temperature":0.5,"a/b~c":"s","flag":true})"},
      {"anthropic/events.json#/definitions/content_block_delta",
       R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}})"},
      {"anthropic/events.json#/definitions/content_block_delta",
       R"({"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"a\":"}})"},
      {"anthropic/nested/deep.json",
       R"({"usage":{"input_tokens":1,"output_tokens":2},"sibling":{"type":"ping"},"tags":["a","b"],"pair":["x",2],"any":"s","either":1.5,"not_null":1,"both":"ab","meta":{"x-a":"1"},"deps":{"a":1,"b":2}})"},
  };
  int invalid = compare(*fast, *reference, samples);
  EXPECT_GT(invalid, 100);  // the mutations do reach the schemas' keywords
}

// The repository's own Anthropic schemas, on events shaped like the recorded streams.
TEST(ValijsonOracle, AgreesWithValijsonOnTheAnthropicSchemas) {
  std::unique_ptr<SchemaRegistry> fast, reference;
  load_both(repo_schemas().string(), fast, reference);
  std::vector<Sample> samples = {
      {"anthropic/events/message_start.json",
       R"({"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","content":[],"model":"claude-x","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}})"},
      {"anthropic/events/content_block_start.json",
       R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})"},
      {"anthropic/events/content_block_start.json",
       R"({"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{}}})"},
      {"anthropic/events/content_block_delta.json",
       R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}})"},
      {"anthropic/events/content_block_delta.json",
       R"({"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"location\": \"San Fra"}})"},
      {"anthropic/events/content_block_stop.json", R"({"type":"content_block_stop","index":0})"},
      {"anthropic/events/message_delta.json",
       R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}})"},
      {"anthropic/events/message_stop.json", R"({"type":"message_stop"})"},
      {"anthropic/events/ping.json", R"({"type":"ping"})"},
      {"anthropic/message.json",
       R"({"id":"msg_01","type":"message","role":"assistant","model":"claude-x","content":[{"type":"text","text":"Hi"},{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{"city":"Paris"}}],"stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":10,"output_tokens":20}})"},
      {"anthropic/strict/message.json",
       R"({"id":"msg_01","type":"message","role":"assistant","model":"claude-x","content":[{"type":"text","text":"Hi"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":10,"output_tokens":20}})"},
      {"anthropic/error.json", R"({"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}})"},
      {"anthropic/count-tokens.json", R"({"input_tokens":42})"},
  };
  EXPECT_GT(compare(*fast, *reference, samples), 500);
}

// Every event of the recorded streams (../shared/reference/sse-samples, copied under
// tests/unit/stream/samples/), each against its event schema, with the mutations above: real
// replies reach keywords the hand-written samples do not (thinking, citations, server tools).
TEST(ValijsonOracle, AgreesWithValijsonOnTheRecordedStreams) {
  std::unique_ptr<SchemaRegistry> fast, reference;
  load_both(repo_schemas().string(), fast, reference);
  const std::filesystem::path dir = std::filesystem::path(test::source_dir()) / "tests/unit/stream/samples";
  std::vector<Sample> samples;
  // A few events of each type from each recording: the mutations multiply each one.
  std::map<std::string, int> taken;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string file = entry.path().filename().string();
    if (entry.path().extension() != ".sse" || file.find("NOT-ANTHROPIC") != std::string::npos) continue;
    std::ifstream in(entry.path());
    std::string event;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("event: ", 0) == 0) event = line.substr(7);
      if (line.rfind("data: ", 0) != 0 || event.empty()) continue;
      const std::string ref = "anthropic/events/" + event + ".json";
      if (!fast->has(ref) || ++taken[file + " " + event] > 3) continue;
      samples.push_back({ref, line.substr(6)});
    }
  }
  ASSERT_GT(samples.size(), 30u) << "the recorded streams were not found under " << dir;
  // Each whole event is valid as recorded (the streams are real replies), then mutated.
  for (const Sample& s : samples) {
    rapidjson::Document d;
    d.Parse(s.json.c_str());
    EXPECT_TRUE(fast->validate(s.ref, d).empty()) << s.ref << " " << s.json.substr(0, 200);
  }
  EXPECT_GT(compare(*fast, *reference, samples), 1000);
}

// The embedded simulator's replies (a message, a tool call, a streamed tool call's events, an
// error, token counting, a model), each against the schema a case names for it, with the
// mutations above: the bodies the harness meets most often in its own tests.
TEST(ValijsonOracle, AgreesWithValijsonOnTheSimulatorsReplies) {
  std::unique_ptr<SchemaRegistry> fast, reference;
  load_both(repo_schemas().string(), fast, reference);
  sim::Simulator simulator(sim::SimOptions{});
  std::string error;
  const int port = simulator.start(0, error);
  ASSERT_GT(port, 0) << error;
  httplib::Client client("127.0.0.1", port);
  const httplib::Headers headers = {{"x-api-key", "sim-test-key"}, {"anthropic-version", "2023-06-01"}};
  const std::string tool =
      R"("tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],"tool_choice":{"type":"any"})";
  auto message = [](const std::string& extra) {
    return R"({"model":"claude-sonnet-4-5-20250929","max_tokens":100,"messages":[{"role":"user","content":"Hello"}])" +
           (extra.empty() ? "" : "," + extra) + "}";
  };
  std::vector<Sample> samples;
  auto reply = [&](const std::string& ref, const httplib::Result& r) {
    ASSERT_TRUE(r) << ref;
    samples.push_back({ref, r->body});
  };
  reply("anthropic/message.json", client.Post("/v1/messages", headers, message(""), "application/json"));
  reply("anthropic/message.json", client.Post("/v1/messages", headers, message(tool), "application/json"));
  reply("anthropic/error.json", client.Post("/v1/messages", headers, R"({"model":"x"})", "application/json"));
  reply("anthropic/count-tokens.json",
        client.Post("/v1/messages/count_tokens", headers,
                    R"({"model":"claude-sonnet-4-5-20250929","messages":[{"role":"user","content":"Hello"}]})",
                    "application/json"));
  reply("anthropic/model.json", client.Get("/v1/models/claude-sonnet-4-5-20250929", headers));
  auto stream = client.Post("/v1/messages", headers, message(tool + R"(,"stream":true)"), "application/json");
  ASSERT_TRUE(stream);
  std::istringstream lines(stream->body);
  std::string event;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("event: ", 0) == 0) event = line.substr(7);
    const std::string ref = "anthropic/events/" + event + ".json";
    if (line.rfind("data: ", 0) == 0 && fast->has(ref)) samples.push_back({ref, line.substr(6)});
  }
  ASSERT_GT(samples.size(), 10u);
  for (const Sample& s : samples) {
    rapidjson::Document d;
    d.Parse(s.json.c_str());
    EXPECT_TRUE(fast->validate(s.ref, d).empty()) << s.ref << " " << s.json.substr(0, 300);
  }
  EXPECT_GT(compare(*fast, *reference, samples), 500);
}

}  // namespace
}  // namespace ac
