#include <algorithm>
#include <cstring>
#include <functional>

#include "sim/simulator.hpp"
#include "sim_fixture.hpp"

namespace ac::sim::test {
namespace {

// A reply with two blocks (text, then tool_use) so every fault has something to act on.
const std::string kTwoBlocks = body_with(
    R"("stream":true,"tools":[{"name":"lookup","input_schema":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}}])",
    "please use lookup now");

std::vector<std::string> names_of(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.name);
  return out;
}

std::ptrdiff_t first(const std::vector<Event>& events, const std::string& name) {
  auto it = std::find_if(events.begin(), events.end(), [&](const Event& e) { return e.name == name; });
  return it == events.end() ? -1 : it - events.begin();
}

std::ptrdiff_t last(const std::vector<Event>& events, const std::string& name) {
  for (auto i = static_cast<std::ptrdiff_t>(events.size()) - 1; i >= 0; --i) {
    if (events[static_cast<std::size_t>(i)].name == name) return i;
  }
  return -1;
}

bool parses(const std::string& text) { return !parse_json(text).HasParseError(); }

std::string partial_json(const std::vector<Event>& events) {
  std::string out;
  for (const auto& e : events) {
    auto doc = parse_json(e.data);
    if (doc.IsObject() && doc.HasMember("delta") && doc["delta"].HasMember("partial_json")) {
      out += doc["delta"]["partial_json"].GetString();
    }
  }
  return out;
}

class SimFaults : public SimTest {
 protected:
  static RawResponse with_fault(const std::string& fault, HeaderList extra = {}, int idle_ms = 5000) {
    extra.emplace_back("x-sim-fault", fault);
    return messages(kTwoBlocks, extra, idle_ms);
  }
};

TEST_F(SimFaults, BaselineStreamIsCleanTwoBlocks) {
  auto r = messages(kTwoBlocks);
  auto events = parse_sse(r.body);
  EXPECT_TRUE(r.complete);
  auto names = names_of(events);
  EXPECT_EQ(std::count(names.begin(), names.end(), "content_block_start"), 2);
  EXPECT_TRUE(parses(partial_json(events)));
  EXPECT_EQ(events.back().name, "message_stop");
}

struct FaultCase {
  const char* name;
  std::function<void(const RawResponse&, const std::vector<Event>&)> check;
};

const FaultCase kCases[] = {
    {"data-only", [](const RawResponse& r, const std::vector<Event>& ev) {
       EXPECT_FALSE(ev.empty());
       for (const auto& e : ev) EXPECT_EQ(e.name, "");
       EXPECT_EQ(r.body.find("event:"), std::string::npos);
     }},
    {"openai-chunks", [](const RawResponse& r, const std::vector<Event>& ev) {
       EXPECT_NE(r.body.find("\"object\":\"chat.completion.chunk\""), std::string::npos);
       ASSERT_FALSE(ev.empty());
       EXPECT_EQ(ev.back().data, "[DONE]");
       EXPECT_EQ(r.body.find("event:"), std::string::npos);
     }},
    {"no-message-stop", [](const RawResponse& r, const std::vector<Event>& ev) {
       EXPECT_EQ(first(ev, "message_stop"), -1);
       EXPECT_EQ(ev.back().name, "message_delta");
       EXPECT_TRUE(r.complete);
     }},
    {"no-block-stop", [](const RawResponse&, const std::vector<Event>& ev) {
       EXPECT_EQ(first(ev, "content_block_stop"), -1);
       EXPECT_EQ(ev.back().name, "message_stop");
     }},
    {"wrong-order", [](const RawResponse&, const std::vector<Event>& ev) {
       EXPECT_LT(first(ev, "message_delta"), last(ev, "content_block_stop"));
     }},
    {"index-gap", [](const RawResponse&, const std::vector<Event>& ev) {
       std::vector<int> indices;
       for (const auto& e : ev) {
         if (e.name == "content_block_start") indices.push_back(parse_json(e.data)["index"].GetInt());
       }
       EXPECT_EQ(indices, (std::vector<int>{0, 2}));
     }},
    {"interleaved", [](const RawResponse&, const std::vector<Event>& ev) {
       EXPECT_LT(last(ev, "content_block_start"), first(ev, "content_block_stop"));
     }},
    {"wrong-delta-type", [](const RawResponse&, const std::vector<Event>& ev) {
       auto start = parse_json(ev[static_cast<std::size_t>(first(ev, "content_block_start"))].data);
       EXPECT_STREQ(start["content_block"]["type"].GetString(), "text");
       auto delta = parse_json(ev[static_cast<std::size_t>(first(ev, "content_block_delta"))].data);
       EXPECT_STREQ(delta["delta"]["type"].GetString(), "input_json_delta");
     }},
    {"invalid-partial-json", [](const RawResponse&, const std::vector<Event>& ev) {
       EXPECT_FALSE(parses(partial_json(ev))) << partial_json(ev);
     }},
    {"zero-usage", [](const RawResponse&, const std::vector<Event>& ev) {
       EXPECT_EQ(parse_json(ev.front().data)["message"]["usage"]["output_tokens"].GetInt(), 0);
       EXPECT_EQ(parse_json(ev[static_cast<std::size_t>(first(ev, "message_delta"))].data)["usage"]["output_tokens"].GetInt(), 0);
     }},
    {"wrong-content-type", [](const RawResponse& r, const std::vector<Event>& ev) {
       EXPECT_EQ(r.header("content-type"), "application/json");
       EXPECT_EQ(ev.back().name, "message_stop");
     }},
    {"events-after-stop", [](const RawResponse&, const std::vector<Event>& ev) {
       EXPECT_LT(first(ev, "message_stop"), static_cast<std::ptrdiff_t>(ev.size()) - 1);
     }},
    {"cut", [](const RawResponse& r, const std::vector<Event>& ev) {
       EXPECT_FALSE(r.complete);
       EXPECT_FALSE(r.timed_out);
       EXPECT_EQ(first(ev, "message_stop"), -1);
       EXPECT_EQ(ev.front().name, "message_start");
     }},
    {"name-mismatch", [](const RawResponse&, const std::vector<Event>& ev) {
       EXPECT_NE(first(ev, "text_delta"), -1);
       EXPECT_EQ(first(ev, "content_block_delta"), -1);
     }},
    {"non-json", [](const RawResponse&, const std::vector<Event>& ev) {
       EXPECT_TRUE(std::any_of(ev.begin(), ev.end(), [](const Event& e) { return !parses(e.data); }));
     }},
};

TEST_F(SimFaults, EachFaultVisiblyChangesTheStream) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    auto r = with_fault(c.name);
    EXPECT_EQ(r.status, 200);
    auto events = parse_sse(r.body);
    ASSERT_FALSE(events.empty()) << r.body;
    c.check(r, events);
  }
}

TEST_F(SimFaults, InterleavedSplitsASingleTextBlock) {
  auto r = messages(body_with(R"("stream":true)", "one two three four"), {{"x-sim-fault", "interleaved"}});
  auto events = parse_sse(r.body);
  EXPECT_LT(last(events, "content_block_start"), first(events, "content_block_stop"));
}

TEST_F(SimFaults, StallKeepsTheConnectionOpen) {
  auto r = with_fault("stall", {{"x-sim-stall-ms", "3000"}}, 400);
  EXPECT_TRUE(r.timed_out);
  EXPECT_FALSE(r.complete);
  EXPECT_EQ(parse_sse(r.body).front().name, "message_start");
}

TEST_F(SimFaults, BufferedSendsEverythingAtOnceAfterADelay) {
  auto r = with_fault("buffered", {{"x-sim-buffer-ms", "300"}});
  ASSERT_EQ(r.chunks.size(), 1u);
  EXPECT_GE(r.chunk_ms[0], 280.0);
  EXPECT_EQ(parse_sse(r.body).back().name, "message_stop");
}

TEST_F(SimFaults, ValidFramingKeepsTheSameEvents) {
  auto baseline = names_of(parse_sse(messages(kTwoBlocks).body));
  for (const char* option : {"crlf", "comments", "byte-writes", "padded-json"}) {
    SCOPED_TRACE(option);
    auto r = with_fault(option);
    EXPECT_TRUE(r.complete);
    auto events = parse_sse(r.body);
    EXPECT_EQ(names_of(events), baseline);
    for (const auto& e : events) EXPECT_TRUE(parses(e.data)) << e.data;
  }
  EXPECT_NE(with_fault("crlf").body.find("\r\n\r\n"), std::string::npos);
  EXPECT_NE(with_fault("comments").body.find("\n:"), std::string::npos);
  auto bytes = with_fault("byte-writes");
  EXPECT_TRUE(std::all_of(bytes.chunks.begin(), bytes.chunks.end(), [](const std::string& c) { return c.size() == 1; }));
  EXPECT_NE(with_fault("padded-json").body.find(" }"), std::string::npos);
  auto no_pings = names_of(parse_sse(with_fault("no-pings").body));
  EXPECT_EQ(std::count(no_pings.begin(), no_pings.end(), "ping"), 0);
  EXPECT_EQ(no_pings.size(), baseline.size() - 2);
}

TEST_F(SimFaults, SeveralFaultsAtOnce) {
  auto r = with_fault("cut, crlf");
  EXPECT_FALSE(r.complete);
  EXPECT_NE(r.body.find("\r\n"), std::string::npos);
}

TEST_F(SimFaults, UnknownFaultHeaderIs400) {
  auto r = with_fault("gremlins");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("x-sim-fault: unknown fault 'gremlins'"), std::string::npos);
}

TEST(SimFaultOptions, ServerWideFaultsApplyWithoutHeaders) {
  SimOptions options;
  options.faults = {"no-message-stop"};
  Simulator sim(options);
  std::string error;
  int port = sim.start(0, error);
  ASSERT_GT(port, 0) << error;
  auto events = parse_sse(raw_request(port, "POST", "/v1/messages", api_headers(), kTwoBlocks).body);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(first(events, "message_stop"), -1);
}

TEST(SimFaultOptions, UnknownServerFaultFailsToStart) {
  SimOptions options;
  options.faults = {"gremlins"};
  Simulator sim(options);
  std::string error;
  EXPECT_EQ(sim.start(0, error), -1);
  EXPECT_NE(error.find("unknown fault 'gremlins'"), std::string::npos);
}

TEST(SimFaultOptions, ListFaultsCoversEveryName) {
  auto faults = list_faults();
  EXPECT_GE(faults.size(), 22u);
  for (const auto& c : kCases) {
    EXPECT_TRUE(std::any_of(faults.begin(), faults.end(), [&](const auto& f) { return f.first == c.name; })) << c.name;
  }
  for (const auto& f : faults) EXPECT_FALSE(f.second.empty());
}

}  // namespace
}  // namespace ac::sim::test
