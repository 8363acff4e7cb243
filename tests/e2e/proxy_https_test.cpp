// User story: the endpoint behind the proxy is https (a vendor's API, a company gateway with a
// private CA). The proxy reaches it with certificates verified: with `--cacert` naming the CA the
// client gets the target's reply; without it the client gets a 502 that says why.
#include <gtest/gtest.h>
#include <signal.h>

#include <cstdlib>

#include "e2e/proxy_helpers.hpp"

namespace ac::test {
namespace {

const char* kModels = R"({"data":[{"type":"model","id":"claude-sonnet-4-5"}],"has_more":false})";

bool have(const std::string& tool) { return shell_output("command -v " + tool).find(tool) != std::string::npos; }

// `openssl s_server` on 127.0.0.1 with a self-signed certificate for that address, serving the
// files under www/ (-WWW: "GET /v1/models" is answered with the file www/v1/models).
class TlsFileServer {
 public:
  TlsFileServer() {
    dir_.write("www/v1/models", kModels);
    shell_output("cd '" + dir_.path() +
                 "' && openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 "
                 "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1");
    port_ = free_port();
    // The shell starts the server in the background and prints its process id.
    pid_ = std::atoi(shell_output("cd '" + dir_.path() + "/www' && { openssl s_server -accept 127.0.0.1:" +
                                  std::to_string(port_) +
                                  " -cert ../cert.pem -key ../key.pem -WWW -quiet </dev/null >/dev/null 2>&1 & "
                                  "echo $!; }")
                         .c_str());
    ready_ = pid_ > 0 && wait_for_port(port_, 30);
  }
  ~TlsFileServer() {
    if (pid_ > 0) ::kill(pid_, SIGTERM);
  }
  TlsFileServer(const TlsFileServer&) = delete;
  TlsFileServer& operator=(const TlsFileServer&) = delete;
  bool ready() const { return ready_; }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }
  std::string ca_file() const { return dir_.file("cert.pem"); }

 private:
  TempDir dir_;
  int port_ = 0;
  int pid_ = -1;
  bool ready_ = false;
};

// One GET /v1/models through a proxy in front of `server` (stopping after that one exchange):
// what curl printed (head and body), and what the proxy wrote to results.json.
struct Through {
  std::string client;
  std::string results;
  int exit_code = -1;
};

Through get_models_through_proxy(const TlsFileServer& server, const std::vector<std::string>& extra) {
  TempDir dir;
  const int port = free_port();
  std::vector<std::string> args{"proxy", "--listen",      "127.0.0.1:" + std::to_string(port),
                                "--target", server.url(), "--out",
                                dir.file("out"), "--no-progress", "--max-exchanges", "1"};
  args.insert(args.end(), extra.begin(), extra.end());
  StartedApiconform proxy(args);
  Through t;
  if (!wait_for_port(port, 30)) return t;
  t.client = shell_output("curl -sS -i -H 'x-api-key: sim-test-key' -H 'anthropic-version: 2023-06-01' "
                          "'http://127.0.0.1:" + std::to_string(port) + "/v1/models' 2>&1");
  ProcessResult done = proxy.wait();
  t.exit_code = done.exit_code;
  t.results = read_file(dir.file("out/results.json"));
  return t;
}

TEST(ProxyHttps, ATargetWithAPrivateCaIsReachedWithCacert) {
  if (!have("openssl") || !have("curl")) GTEST_SKIP() << "openssl or curl is not installed";
  TlsFileServer server;
  ASSERT_TRUE(server.ready()) << "openssl s_server did not start";
  Through t = get_models_through_proxy(server, {"--cacert", server.ca_file()});
  EXPECT_NE(t.client.find("200"), std::string::npos) << t.client;
  EXPECT_NE(t.client.find(kModels), std::string::npos) << "the target's body, unchanged: " << t.client;
  EXPECT_NE(t.results.find(server.url()), std::string::npos) << "the exchange is judged and named by its target";
  EXPECT_NE(t.exit_code, 2) << t.results;
}

TEST(ProxyHttps, WithoutTheCaTheCertificateIsRefusedAndTheClientToldWhy) {
  if (!have("openssl") || !have("curl")) GTEST_SKIP() << "openssl or curl is not installed";
  TlsFileServer server;
  ASSERT_TRUE(server.ready()) << "openssl s_server did not start";
  Through t = get_models_through_proxy(server, {});
  EXPECT_NE(t.client.find("502"), std::string::npos) << t.client;
  EXPECT_EQ(t.client.find(kModels), std::string::npos) << "nothing of an unverified target reaches the client";
  EXPECT_NE(t.client.find("certificate"), std::string::npos) << "the 502 says why: " << t.client;
}

}  // namespace
}  // namespace ac::test
