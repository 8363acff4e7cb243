// Issue 16: a session captured once is served back by `apiconform serve --replay` to the official
// TypeScript SDK (installed by the sdk_install fixture), which gets the recorded replies byte for
// byte (its raw Response bodies equal the recorded bodies; the gzip one decoded by fetch) and
// reads the recorded stream with its own accumulator.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdio>
#include <map>
#include <memory>
#include <zlib.h>

#include "e2e/e2e_helpers.hpp"
#include "sdk/official_sdk.hpp"
#include "traffic/exchange_record.hpp"

namespace ac::test {
namespace {

// name -> the JSON object the client printed for it.
std::map<std::string, std::shared_ptr<rapidjson::Document>> run_client(const std::string& base_url) {
  const std::string command = "node '" + source_dir() + "/tests/sdk/sdk_replay_client.cjs' '" + sdk_dir() + "' '" +
                              base_url + "' 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::map<std::string, std::shared_ptr<rapidjson::Document>> out;
  if (!pipe) return out;
  std::string line;
  char buffer[65536];
  while (std::fgets(buffer, sizeof buffer, pipe.get())) {
    line += buffer;
    if (line.back() != '\n') continue;
    auto d = std::make_shared<rapidjson::Document>();
    d->Parse(line.c_str());
    if (!d->HasParseError() && d->IsObject() && d->HasMember("name")) out[(*d)["name"].GetString()] = d;
    else ADD_FAILURE() << "the SDK client printed: " << line;
    line.clear();
  }
  return out;
}

std::string gunzip(const std::string& packed) {
  std::string out(1 << 20, '\0');
  z_stream z{};
  inflateInit2(&z, 15 + 32);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  z.next_out = reinterpret_cast<Bytef*>(&out[0]);
  z.avail_out = static_cast<uInt>(out.size());
  inflate(&z, Z_FINISH);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

TEST(SdkReplay, TheOfficialSdkGetsTheRecordedRepliesByteForByte) {
  const std::string session = source_dir() + "/tests/recordings/session";
  Recording rec = read_exchange_records(session);
  ASSERT_EQ(rec.exchanges.size(), 8u);
  const int port = free_port();
  BackgroundApiconform server({"serve", "--replay", session, "--port", std::to_string(port)});
  ASSERT_TRUE(wait_for_port(port, 20));
  auto got = run_client("http://127.0.0.1:" + std::to_string(port));

  // Raw bodies, name -> the recorded exchange that answers it (by body, then recorded order).
  const std::map<std::string, std::size_t> raw = {{"message", 0}, {"stream", 2}, {"count_tokens", 6}, {"models", 7}};
  for (const auto& [name, index] : raw) {
    ASSERT_TRUE(got.count(name)) << name;
    const rapidjson::Document& d = *got[name];
    ASSERT_TRUE(d.HasMember("body")) << name << ": " << (d.HasMember("error") ? d["error"].GetString() : "");
    const ExchangeRecord& x = rec.exchanges[index];
    const bool gzip = find_header(x.response_headers, "content-encoding") == std::string("gzip");
    EXPECT_EQ(d["status"].GetInt(), x.status) << name;
    EXPECT_EQ(std::string(d["body"].GetString(), d["body"].GetStringLength()),
              gzip ? gunzip(x.response_body) : x.response_body)
        << name;
  }
  ASSERT_TRUE(got.count("final_message"));
  const rapidjson::Document& final_message = *got["final_message"];
  ASSERT_TRUE(final_message.HasMember("text")) << final_message["error"].GetString();
  EXPECT_STREQ(final_message["text"].GetString(), "You said: Say hello.");  // the recorded stream, folded by the SDK
  EXPECT_STREQ(final_message["stop_reason"].GetString(), "end_turn");
}

}  // namespace
}  // namespace ac::test
