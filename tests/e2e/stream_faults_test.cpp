// User story: every way a gateway breaks a stream (each a deviation seen in real gateways) is
// caught by the check meant for it, and valid-but-unusual framing is accepted without a finding.
#include <gtest/gtest.h>

#include "e2e_helpers.hpp"

namespace ac::test {
namespace {

struct FaultCase {
  const char* fault;
  int exit_code;
  const char* check;    // the check that must report it
  const char* message;  // a part of that finding's message
};

const FaultCase kFaults[] = {
    {"data-only", 1, "stream-grammar", "has no `event:` line"},
    {"openai-chunks", 1, "stream-grammar", "looks like an OpenAI chat.completion.chunk stream"},
    {"no-message-stop", 1, "stream-grammar", "without message_stop"},
    {"no-block-stop", 1, "stream-grammar", "content_block_stop is missing"},
    {"wrong-order", 1, "stream-grammar", "is not allowed after message_delta"},
    {"index-gap", 1, "stream-grammar", "starts a block with index 1"},
    {"interleaved", 1, "stream-grammar", "blocks must not interleave"},
    {"wrong-delta-type", 1, "stream-grammar", "cannot target block 0"},
    {"invalid-partial-json", 1, "stream-fold", "is not valid JSON"},
    {"zero-usage", 1, "stream-fold", "usage/output_tokens"},
    {"wrong-content-type", 1, "header", "content-type"},
    {"events-after-stop", 1, "stream-grammar", "nothing may follow it"},
    {"cut", 3, "sse", "connection was cut"},
    {"stall", 3, "sse", "connection was cut"},
    {"buffered", 1, "stream-timing", "the stream was buffered"},
    {"name-mismatch", 1, "stream-grammar", "but the event name is"},
    {"non-json", 1, "stream-event-schema", "data is not JSON"},
};

const char* kValidFramings[] = {"crlf", "comments", "byte-writes", "no-pings", "padded-json"};

std::string stream_case(const std::string& fault) {
  std::string tools = fault == "invalid-partial-json"
                          ? "    tools: [{name: get_weather, description: w, input_schema: {type: object, properties: "
                            "{city: {type: string}}, required: [city]}}]\n    tool_choice: {type: any}\n"
                          : "";
  return "id: fault." + fault + "\ntitle: a stream served with " + fault +
         "\nfeature: streaming\nrequest:\n  endpoint: messages\n  headers: {x-sim-fault: " + fault +
         "}\n  json:\n    model: \"{{model}}\"\n    max_tokens: 64\n    stream: true\n"
         "    messages: [{role: user, content: \"Tell me a short story\"}]\n" +
         tools +
         "expect:\n  status: 200\n  headers: {content-type: {matches: \"^text/event-stream\"}}\n"
         "  stream: {grammar: anthropic/stream-grammar.yaml, folded_schema: anthropic/message.json}\n";
}

class StreamFaults : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    port_ = free_port();
    server_ = new BackgroundApiconform({"serve", "--port", std::to_string(port_)});
    ASSERT_TRUE(wait_for_port(port_, 20)) << "the simulator did not start";
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // Runs one streaming case with the fault requested from the simulator.
  ResultsFile run_fault(const std::string& fault, ProcessResult& process) {
    TempDir dir;
    dir.write("cases/fault.yaml", stream_case(fault));
    process = run_apiconform({"run", "--base-url", "http://127.0.0.1:" + std::to_string(port_), "--key-env", "SIM_KEY",
                              "--cases", dir.file("cases"), "--out", dir.file("out"), "--no-progress",
                              "--idle-timeout", "2", "--retries", "0"},
                             {{"SIM_KEY", "sim-test-key"}});
    return read_results_or_fail(dir.file("out/results.json"));
  }

  static int port_;
  static BackgroundApiconform* server_;
};

int StreamFaults::port_ = 0;
BackgroundApiconform* StreamFaults::server_ = nullptr;

TEST_F(StreamFaults, EachFaultIsCaughtByTheCheckMeantForIt) {
  for (const auto& f : kFaults) {
    ProcessResult process;
    ResultsFile file = run_fault(f.fault, process);
    EXPECT_EQ(process.exit_code, f.exit_code) << f.fault << "\n" << process.out << process.err;
    ASSERT_EQ(file.results.size(), 1u) << f.fault;
    const Result& r = file.results[0];
    bool caught = false;
    for (const auto& finding : r.findings)
      caught = caught || (finding.check == f.check && (finding.message.find(f.message) != std::string::npos ||
                                                       finding.pointer.find(f.message) != std::string::npos));
    EXPECT_TRUE(caught) << f.fault << ": no `" << f.check << "` finding mentioning \"" << f.message << "\"\n" << process.out;
  }
}

TEST_F(StreamFaults, ValidButUnusualFramingProducesNoFinding) {
  for (const char* framing : kValidFramings) {
    ProcessResult process;
    ResultsFile file = run_fault(framing, process);
    EXPECT_EQ(process.exit_code, 0) << framing << "\n" << process.out << process.err;
    ASSERT_EQ(file.results.size(), 1u) << framing;
    EXPECT_EQ(file.results[0].verdict, Verdict::Pass) << framing;
    for (const auto& finding : file.results[0].findings)
      EXPECT_EQ(finding.severity, Severity::Warning) << framing << ": " << finding.check << " " << finding.message;
  }
}

}  // namespace
}  // namespace ac::test
