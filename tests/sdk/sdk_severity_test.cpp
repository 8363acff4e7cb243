// Issue 12: the severity table (harness/model/severity_table.cpp) says what an official SDK does
// with each kind of difference. This drives the official TypeScript SDK (@anthropic-ai/sdk,
// installed by the sdk_install fixture) against every fault of the simulator (`apiconform list
// faults`, `apiconform serve --fault X`) and checks, fault by fault, that the table grades the
// findings apiconform reports there as breaking exactly when the SDK raises or loses data (text,
// tool input, usage or stop reason) compared with the same requests to the fault-free simulator.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>

#include "e2e/e2e_helpers.hpp"
#include "sdk/official_sdk.hpp"
#include "model/severity_table.hpp"

namespace ac::test {
namespace {

const char* kKey = "sim-test-key";  // what `apiconform serve` accepts by default


// What the SDK returned for one scenario, as comparable text.
struct SdkOutcome {
  bool raised = false;
  std::string error, text, tool_input, stop_reason, usage;
  std::string describe() const {
    return raised ? "raised: " + error
                  : "text=" + text.substr(0, 40) + " tool_input=" + tool_input + " stop_reason=" + stop_reason +
                        " usage=" + usage;
  }
};

std::string json_of(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return buf.GetString();
}

// Runs tests/sdk/sdk_probe.cjs with the machine's node against `base_url`.
std::map<std::string, SdkOutcome> probe(const std::string& base_url) {
  const std::string command = "node '" + source_dir() + "/tests/sdk/sdk_probe.cjs' '" + sdk_dir() + "' '" + base_url +
                              "' " + kKey + " 2>/dev/null";  // the SDK logs parse errors on stderr
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::map<std::string, SdkOutcome> out;
  if (!pipe) return out;
  char line[65536];
  while (std::fgets(line, sizeof line, pipe.get())) {
    rapidjson::Document d;
    d.Parse(line);
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("scenario")) {
      ADD_FAILURE() << "the SDK probe printed: " << line;
      continue;
    }
    SdkOutcome o;
    o.raised = d["raised"].GetBool();
    o.error = d["error"].GetString();
    o.text = d["text"].GetString();
    o.tool_input = json_of(d["tool_input"]);
    o.stop_reason = json_of(d["stop_reason"]);
    o.usage = json_of(d["usage"]);
    out[d["scenario"].GetString()] = o;
  }
  return out;
}

// The SDK broke when it raised or lost anything the fault-free server gave it.
bool sdk_broke(const std::map<std::string, SdkOutcome>& got, const std::map<std::string, SdkOutcome>& fine,
               std::string& how) {
  bool broke = false;
  for (const auto& [scenario, want] : fine) {
    auto it = got.find(scenario);
    if (it == got.end()) {
      how += scenario + ": no outcome; ";
      broke = true;
      continue;
    }
    const SdkOutcome& o = it->second;
    if (o.raised || o.text != want.text || o.tool_input != want.tool_input || o.stop_reason != want.stop_reason ||
        o.usage != want.usage) {
      broke = true;
      how += scenario + ": " + o.describe() + "; ";
    }
  }
  return broke;
}

struct Fault {
  std::string name;
  bool valid = false;  // `list faults` describes it as "valid: ..."
};

std::vector<Fault> faults() {
  ProcessResult r = run_apiconform({"list", "faults"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<Fault> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    auto gap = line.find("  ");
    if (gap == std::string::npos || gap == 0) continue;
    out.push_back(Fault{line.substr(0, gap), line.find("valid:", gap) == gap + 2});
  }
  return out;
}

// apiconform's verdict on the same two requests (the suite's stream.text and stream.tool-any).
struct Judged {
  bool errored = false;       // no verdict (e.g. a stalled stream hit the idle timeout)
  bool breaking = false;      // a failing finding graded breaking
  std::vector<std::string> codes;
  std::vector<std::string> unlisted;  // failing codes the table has no row for
};

Judged judge(const std::string& base_url) {
  TempDir out;
  ProcessResult r = run_apiconform({"run", "--base-url", base_url, "--key-env", "SDK_TEST_KEY", "--auth", "x-api-key",
                                    "--case", "stream.text", "--case", "stream.tool-any", "--no-preflight", "--retries",
                                    "0", "--idle-timeout", "2", "--timeout", "8", "--out", out.path(), "--no-progress"},
                                   {{"SDK_TEST_KEY", kKey}});
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 3) << r.out << r.err;
  Judged j;
  const ResultsFile file = read_results_or_fail(out.file("results.json"));
  for (const auto& result : file.results) {
    j.errored = j.errored || result.verdict == Verdict::Error;
    for (const auto& f : result.findings) {
      if (!fails_case(f.severity)) continue;
      j.codes.push_back(f.code + " (" + to_string(f.severity) + ")");
      j.breaking = j.breaking || f.severity == Severity::Breaking;
      if (!severity_rule_for(f.code)) j.unlisted.push_back(f.code);
    }
  }
  return j;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

TEST(OfficialSdk, TheSeverityTableAgreesWithWhatTheSdkDoesOnEverySimulatorFault) {
  REQUIRE_OFFICIAL_SDK();

  std::map<std::string, SdkOutcome> fine;
  {
    const int port = free_port();
    BackgroundApiconform server({"serve", "--port", std::to_string(port)});
    ASSERT_TRUE(wait_for_port(port, 10));
    fine = probe("http://127.0.0.1:" + std::to_string(port));
  }
  ASSERT_EQ(fine.size(), 2u);
  ASSERT_FALSE(fine["text"].raised) << fine["text"].error;
  ASSERT_FALSE(fine["text"].text.empty());
  ASSERT_NE(fine["tool"].tool_input, "null") << "the fault-free tool stream gives the SDK a tool input";

  // apiconform folds a delta into the block opened last, the SDK by the delta's own index
  // (harness/stream/folder.cpp): with interleaved blocks apiconform's folded text is wrong where
  // the SDK's is right, and the case's folded assertions fail. A limitation of the folder, not of
  // the table: this fault is expected to disagree until the folder follows the index.
  const std::map<std::string, std::string> folder_limits = {
      {"interleaved", "apiconform's folder puts deltas in the block opened last"}};
  const std::vector<Fault> all = faults();
  ASSERT_GE(all.size(), 10u);
  for (const Fault& fault : all) {
    SCOPED_TRACE("fault " + fault.name);
    const int port = free_port();
    BackgroundApiconform server({"serve", "--port", std::to_string(port), "--fault", fault.name});
    ASSERT_TRUE(wait_for_port(port, 10));
    const std::string url = "http://127.0.0.1:" + std::to_string(port);
    std::string how;
    const bool broke = sdk_broke(probe(url), fine, how);
    const Judged j = judge(url);
    EXPECT_TRUE(j.unlisted.empty()) << "codes the severity table has no row for: " << joined(j.unlisted);
    if (fault.valid) {
      EXPECT_FALSE(broke) << "a valid stream broke the SDK: " << how;
      EXPECT_TRUE(j.codes.empty()) << "a valid stream drew findings: " << joined(j.codes);
      continue;
    }
    if (j.errored) {  // no verdict, so no deviation: the SDK must fail as well
      EXPECT_TRUE(broke) << "apiconform could not judge the stream, yet the SDK read it";
      continue;
    }
    EXPECT_FALSE(j.codes.empty()) << "the fault drew no finding";
    if (folder_limits.count(fault.name)) {
      EXPECT_NE(j.breaking, broke) << "the folder limit (" << folder_limits.at(fault.name)
                                   << ") is gone: remove the fault from folder_limits";
      continue;
    }
    EXPECT_EQ(j.breaking, broke) << "the table grades [" << joined(j.codes) << "] "
                                 << (j.breaking ? "breaking" : "not breaking") << ", but the SDK "
                                 << (broke ? "broke: " + how : "read both streams as from the fault-free server");
  }
}

}  // namespace
}  // namespace ac::test
