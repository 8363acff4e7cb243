// The secrets contract (docs/secrets.md): a hostile server returns every secret of the run in
// every place the harness copies text from, and no output of the process holds the secret, any
// 12-character piece of it, or its encoded forms. The whole shipped suite runs against it, so
// every check's message path is exercised, and a new output path is covered by construction: it
// is written through the same boundary, and this test scans every file the run leaves.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <unordered_set>

#include "e2e/proxy_helpers.hpp"
#include "e2e_helpers.hpp"
#include "redact/encodings.hpp"
#include "support/local_server.hpp"

namespace ac::test {
namespace {

// As long as a real key, in the real key's alphabet.
std::string make_key() {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string key = "sk-ant-api03-";
  unsigned x = 2463534242u;
  while (key.size() < 106) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    key += alphabet[x % alphabet.size()];
  }
  return key + "AA";
}

const std::string kKey = make_key();
const std::string kOrg = "org+Secret/Value=7c41d09e55b2";  // a secret header value, URL-encodable
const std::string kUser = "leakuser";
const std::string kPassword = "pw-3f9a1c77e0b4d2";
const std::string kPadding(195, 'x');  // pushes what follows across a 200-byte excerpt

std::string json_str(const std::string& text) {  // text is ours: only quotes need care
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// What came in, echoed back: the key, the secret header, the Basic credentials of the URL.
struct Echo {
  std::string key, org, basic;
};

Echo echo_of(const RecordedRequest& request) {
  Echo e;
  e.key = find_header(request.headers, "x-api-key").value_or("");
  e.org = find_header(request.headers, "x-org-id").value_or("");
  e.basic = find_header(request.headers, "authorization").value_or("");
  return e;
}

std::string sse(const std::string& name, const std::string& data) {
  return "event: " + name + "\ndata: " + data + "\n\n";
}

Script json_reply(const Echo& e, int variant) {
  Headers headers{{"X-Echo-Key", e.key},
                  {"request-id", e.key},
                  {"X-Echo-Org", url_encode(e.org)},
                  {"X-Echo-Basic", e.basic},
                  {"x-k" + e.key.substr(0, 40), "a header named by the key"}};
  switch (variant) {
    case 0:
      return Script::json(200,
                          "{\"id\":" + json_str(e.key) + ",\"type\":\"message\",\"role\":" + json_str(e.key) +
                              ",\"model\":" + json_str(e.key) + ",\"stop_reason\":" + json_str(e.key) +
                              ",\"stop_sequence\":null," + json_str(e.key) +
                              ":1,\"content\":[{\"type\":\"text\",\"text\":" +
                              json_str(kPadding + e.key + " " + e.org + " " + url_encode(e.key) + " " +
                                       json_unicode_escape(e.key) + " @everyone \x1b]0;pwned\x07") +
                              "}],\"usage\":{\"input_tokens\":" + json_str(e.key) + ",\"output_tokens\":1}}",
                          headers);
    case 1:
      return Script::json(401,
                          "{\"type\":\"error\",\"error\":{\"type\":" + json_str(e.key) + ",\"message\":" +
                              json_str(kPadding + e.key + " b64:" + base64_encode("user:" + e.key) + " org:" + e.org +
                                       " basic:" + e.basic) +
                              "}}",
                          headers);
    case 2:
      return Script::reply(200, {{"Content-Type", "text/plain"}, {"X-Echo-Key", e.key}},
                           kPadding + e.key + "\n" + json_unicode_escape(e.org) + "\n" + e.basic);
    default:
      return Script::json(
          429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":" + json_str(e.key) + "}}",
          {{"retry-after", "0"}, {"x-should-retry", "false"}});
  }
}

Script stream_reply(const Echo& e, int variant) {
  const std::size_t cut = std::min<std::size_t>(50, e.key.size());
  const std::string half1 = e.key.substr(0, cut), half2 = e.key.substr(cut);
  std::string body;
  if (variant == 0) {
    body += sse("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":" + json_str(e.key) +
                                     ",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + json_str(e.key) +
                                     ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
                                     "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}");
    body += sse("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    // The key split across two events, the first half after padding.
    body += sse("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                "\"text_delta\",\"text\":" +
                    json_str(kPadding + half1) + "}}");
    body += sse("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                "\"text_delta\",\"text\":" +
                    json_str(half2 + " " + e.org) + "}}");
    body += sse(e.key, "{\"type\":" + json_str(e.key) + "}");       // an event named by the key
    body += sse("\x1b]0;pwned\x07\x1b[2J", "{\"type\":\"ping\"}");  // retitle and clear the terminal
    body += sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
    body += sse("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":" + json_str(e.key) +
                                     ",\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}");
    body += sse("message_stop", "{\"type\":\"message_stop\"}");
  } else {
    body += sse("message_start",
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                "\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"stop_reason\":null,"
                "\"stop_sequence\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}");
    body += sse("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":" +
                             json_str(kPadding + e.key + " " + e.basic) + "}}");
    body += "data: {\"choices\":[{\"delta\":{\"content\":" + json_str(e.key) + "}}]}\n\ndata: [DONE]\n\n";
  }
  return Script::reply(200, {{"Content-Type", "text/event-stream"}, {"X-Echo-Key", e.key}}, body);
}

// Every form in which a secret must not appear: the secret, each 12-character piece of it, its
// URL-encoded and JSON-escaped forms, and each 12-character piece of its base64 at the three
// alignments (as inside "user:" + key).
std::vector<std::string> forbidden_forms(const std::string& secret) {
  std::vector<std::string> whole{secret, url_encode(secret), json_unicode_escape(secret)};
  std::vector<std::string> pieces_of{secret};
  for (std::size_t shift = 0; shift <= 2; ++shift) {
    std::string b64 = base64_encode(std::string(shift, 'u') + secret);
    pieces_of.push_back(b64.substr(4, b64.size() - 8));
  }
  std::vector<std::string> out = whole;
  for (const auto& text : pieces_of)
    for (std::size_t at = 0; at + 12 <= text.size(); ++at) out.push_back(text.substr(at, 12));
  return out;
}

void expect_no_leak(const std::string& name, const std::string& text, const std::vector<std::string>& forms) {
  std::unordered_set<std::string_view> pieces;
  for (const auto& f : forms)
    if (f.size() == 12) pieces.insert(f);
  for (std::size_t at = 0; at + 12 <= text.size(); ++at) {
    if (pieces.count(std::string_view(text).substr(at, 12))) {
      ADD_FAILURE() << "a piece of a secret leaked into " << name << " at byte " << at << ": ..."
                    << text.substr(at > 60 ? at - 60 : 0, 140) << "...";
      return;
    }
  }
  for (const auto& f : forms)
    if (f.size() != 12) {
      EXPECT_EQ(text.find(f), std::string::npos) << "leaked into " << name << ": " << f;
    }
}

std::vector<std::pair<std::string, std::string>> outputs_of(const std::string& dir, const ProcessResult& r,
                                                            const std::string& label) {
  std::vector<std::pair<std::string, std::string>> out{{label + " stdout", r.out}, {label + " stderr", r.err}};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) out.emplace_back(entry.path().string(), read_file(entry.path().string()));
  return out;
}

class LeakContract : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<LocalServer>([this](const RecordedRequest& request) {
      const Echo e = echo_of(request);
      const int n = counter_++;
      if (request.body.find("\"stream\":true") != std::string::npos) return stream_reply(e, n % 2);
      return json_reply(e, n % 4);
    });
    const std::string url = "http://" + kUser + ":" + kPassword + "@127.0.0.1:" + std::to_string(server_->port());
    dir_.write("providers/hostile.yaml",
               "name: hostile\nbase_url: " + url +
                   "\nauth: x-api-key\nkey_env: LEAK_KEY\n"
                   "headers:\n  x-org-id: \"{{env.LEAK_ORG}}\"\nsecret_headers: [x-org-id]\n"
                   "vars:\n  model: claude-sonnet-4-5\n  model_id: claude-sonnet-4-5-20250929\n"
                   "  small_model: claude-haiku-4-5\n  max_tokens: 64\n"
                   "concurrency: 8\ntimeouts:\n  total_s: 10\n");
  }

  std::unique_ptr<LocalServer> server_;
  int counter_ = 0;
  TempDir dir_;
};

TEST_F(LeakContract, NoOutputHoldsAnySecretInAnyFormOrPiece) {
  const std::map<std::string, std::string> env{{"LEAK_KEY", kKey}, {"LEAK_ORG", kOrg}};
  ProcessResult run = run_apiconform({"run", "--provider", dir_.file("providers/hostile.yaml"), "--out",
                                      dir_.file("out"), "--format", "html,md,junit", "--no-progress", "--retries", "0"},
                                     env);
  ASSERT_TRUE(run.exit_code == 1 || run.exit_code == 3) << run.out << run.err;
  ASSERT_GT(server_->request_count(), 100) << "the whole suite ran against the hostile server";
  // The secrets really went out, so the server really echoed them.
  const RecordedRequest last = server_->last_request();
  EXPECT_EQ(find_header(last.headers, "x-api-key").value_or(""), kKey);
  EXPECT_EQ(find_header(last.headers, "x-org-id").value_or(""), kOrg);
  EXPECT_EQ(find_header(last.headers, "authorization").value_or(""), "Basic " + base64_encode(kUser + ":" + kPassword));

  // Re-rendered and compared: every other command that reads results prints them again.
  ProcessResult report = run_apiconform(
      {"report", dir_.file("out/results.json"), "--format", "html,md,junit", "--out", dir_.file("again")});
  ProcessResult diff = run_apiconform({"diff", dir_.file("out/results.json"), dir_.file("out/results.json")});

  std::vector<std::string> forms;
  for (const auto& secret : {kKey, kOrg, kPassword, kUser + ":" + kPassword}) {
    auto more = forbidden_forms(secret);
    forms.insert(forms.end(), more.begin(), more.end());
  }
  auto outputs = outputs_of(dir_.file("out"), run, "run");
  for (auto& o : outputs_of(dir_.file("again"), report, "report")) outputs.push_back(std::move(o));
  outputs.emplace_back("diff stdout", diff.out);
  outputs.emplace_back("diff stderr", diff.err);
  std::set<std::string> files;
  for (const auto& [name, text] : outputs) {
    files.insert(std::filesystem::path(name).filename().string());
    expect_no_leak(name, text, forms);
  }
  for (const char* file : {"results.json", "report.html", "report.md", "junit.xml"})
    EXPECT_TRUE(files.count(file)) << file << " was written";

  // What the endpoint controls cannot drive the terminal or ping anyone.
  for (const auto& [name, text] : outputs) {
    if (name.find("stdout") == std::string::npos && name.find("stderr") == std::string::npos) continue;
    EXPECT_EQ(text.find('\x1b'), std::string::npos) << "a raw escape reached " << name;
    EXPECT_EQ(text.find('\x07'), std::string::npos) << "a raw bell reached " << name;
  }
  for (const auto& [name, text] : outputs)
    if (name.size() > 3 && name.substr(name.size() - 3) == ".md") {
      EXPECT_EQ(text.find("@everyone"), std::string::npos) << "a mention reached " << name;
    }

  // Each curl line names one shell variable per secret.
  EXPECT_NE(run.out.find("x-api-key: '\"$LEAK_KEY\"'"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("x-org-id: '\"$LEAK_ORG\"'"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("http://'\"$APICONFORM_URL_USERINFO\"'@127.0.0.1"), std::string::npos) << run.out;
}

// The same hostile server behind `apiconform proxy`: the secrets are the client's (its key and a
// secret header, unknown to the proxy until a request brings them) and the target URL's userinfo.
// Every output the proxy has (console, results.json, the reports, the --record files) is scanned.
TEST_F(LeakContract, NoProxyOutputHoldsTheClientsSecrets) {
  if (shell_output("command -v curl").find("curl") == std::string::npos) GTEST_SKIP() << "curl is not installed";
  const int port = free_port();
  const std::string target = "http://" + kUser + ":" + kPassword + "@127.0.0.1:" + std::to_string(server_->port());
  StartedApiconform proxy({"proxy", "--listen", "127.0.0.1:" + std::to_string(port), "--target", target, "--out",
                           dir_.file("out"), "--record", dir_.file("out/rec"), "--format", "html,md,junit",
                           "--secret-header", "x-org-id", "--max-exchanges", "6", "--no-progress"});
  ASSERT_TRUE(wait_for_port(port, 30));
  const std::string client = "curl -sS -o /dev/null -H 'x-api-key: " + kKey + "' -H 'x-org-id: " + kOrg +
                             "' -H 'anthropic-version: 2023-06-01' -H 'content-type: application/json' "
                             "'http://127.0.0.1:" +
                             std::to_string(port) + "/v1/messages' --data-binary ";
  for (int i = 0; i < 4; ++i)
    shell_output(
        client +
        "'{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}'");
  for (int i = 0; i < 2; ++i)
    shell_output(client +
                 "'{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8,\"stream\":true,\"messages\":[{\"role\":\"user\","
                 "\"content\":\"hi\"}]}'");
  ProcessResult run = proxy.wait();  // --max-exchanges 6
  ASSERT_TRUE(run.exit_code == 1 || run.exit_code == 3) << run.out << run.err;
  ASSERT_EQ(server_->request_count(), 6);
  EXPECT_EQ(find_header(server_->last_request().headers, "x-api-key").value_or(""), kKey)
      << "the key went on unchanged";

  std::vector<std::string> forms;
  for (const auto& secret : {kKey, kOrg, kPassword, kUser + ":" + kPassword}) {
    auto more = forbidden_forms(secret);
    forms.insert(forms.end(), more.begin(), more.end());
  }
  std::set<std::string> files;
  for (const auto& [name, text] : outputs_of(dir_.file("out"), run, "proxy")) {
    files.insert(std::filesystem::path(name).filename().string());
    expect_no_leak(name, text, forms);
    if (name.find("stdout") != std::string::npos || name.find("stderr") != std::string::npos) {
      EXPECT_EQ(text.find('\x1b'), std::string::npos) << "a raw escape reached " << name;
    }
  }
  for (const char* file : {"results.json", "report.html", "report.md", "junit.xml", "000001-POST-v1-messages.json"})
    EXPECT_TRUE(files.count(file)) << file << " was written";
}

}  // namespace
}  // namespace ac::test
