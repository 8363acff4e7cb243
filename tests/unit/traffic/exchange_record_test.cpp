// The recording format (docs/proxy.md, "Recording format"): a record survives its file whole,
// binary bodies included, and no key reaches the file.
#include <gtest/gtest.h>

#include <filesystem>

#include "redact/secrets.hpp"
#include "support/run_binary.hpp"
#include "traffic/exchange_record.hpp"

namespace ac {
namespace {

const std::string kClientKey = "sk-ant-api03-client-key-the-proxy-never-saw-0123456789";

ExchangeRecord sample_record() {
  ExchangeRecord r;
  r.sequence = 12;
  r.started_at = "2026-12-05T00:01:02.345Z";
  r.target = "https://api.example.test";
  r.method = "POST";
  r.path = "/v1/messages?beta=true";
  r.request_headers = {{"x-api-key", kClientKey}, {"anthropic-version", "2023-06-01"},
                       {"content-type", "application/json"}};
  r.request_body = R"({"model":"m","max_tokens":5,"messages":[{"role":"user","content":"héllo"}]})";
  r.status = 200;
  r.response_headers = {{"content-type", "text/event-stream"}, {"request-id", "req_1"}};
  r.response_body = "event: ping\ndata: {\"type\":\"ping\"}\n\n";
  r.chunks = {{0, 10.5}, {12, 20.25}};
  r.first_byte_ms = 10.5;
  r.total_ms = 30.75;
  return r;
}

ExchangeRecord round_trip(const ExchangeRecord& r) {
  ExchangeRecord back;
  std::string error;
  EXPECT_TRUE(parse_exchange_record(exchange_record_json(r), back, error)) << error;
  return back;
}

TEST(ExchangeRecord, SurvivesItsJsonWhole) {
  ExchangeRecord r = sample_record();
  r.request_headers[0].value = "not-a-key-header-value";  // no secret here: everything must come back
  r.request_headers[0].name = "x-custom";
  ExchangeRecord back = round_trip(r);
  EXPECT_EQ(back.sequence, 12);
  EXPECT_EQ(back.started_at, r.started_at);
  EXPECT_EQ(back.target, r.target);
  EXPECT_EQ(back.method, "POST");
  EXPECT_EQ(back.path, "/v1/messages?beta=true");
  ASSERT_EQ(back.request_headers.size(), 3u);
  EXPECT_EQ(back.request_headers[0].value, "not-a-key-header-value");
  EXPECT_EQ(back.request_body, r.request_body);
  EXPECT_EQ(back.status, 200);
  EXPECT_EQ(back.response_body, r.response_body);
  ASSERT_EQ(back.chunks.size(), 2u);
  EXPECT_EQ(back.chunks[1].offset, 12u);
  EXPECT_DOUBLE_EQ(back.chunks[1].at_ms, 20.25);
  EXPECT_DOUBLE_EQ(back.first_byte_ms, 10.5);
  EXPECT_DOUBLE_EQ(back.total_ms, 30.75);
}

TEST(ExchangeRecord, KeepsABodyThatIsNotUtf8AsBase64ByteForByte) {
  ExchangeRecord r = sample_record();
  r.response_body = std::string("\x1f\x8b\x08\x00\xff\xfe\x00\x80 gzip-ish", 17);
  const std::string json = exchange_record_json(r);
  EXPECT_NE(json.find("\"body_encoding\": \"base64\""), std::string::npos) << json;
  EXPECT_EQ(round_trip(r).response_body, r.response_body);
}

TEST(ExchangeRecord, ReplacesKeyHeadersAndRemovesTheKeyWhereverElseItStands) {
  ExchangeRecord r = sample_record();
  r.request_headers.push_back({"Authorization", "Bearer " + kClientKey});
  r.request_headers.push_back({"x-team-token", "team-secret-value-0123456789"});
  r.response_body = "{\"echo\":\"" + kClientKey + "\"}";  // a hostile server echoing the key
  r.chunks.clear();
  RecordOptions options;
  options.secret_headers = {"X-Team-Token"};
  const std::string json = exchange_record_json(r, options);
  EXPECT_EQ(json.find(kClientKey.substr(10, 20)), std::string::npos) << json;
  EXPECT_EQ(json.find("team-secret-value"), std::string::npos) << json;
  ExchangeRecord back;
  std::string error;
  ASSERT_TRUE(parse_exchange_record(json, back, error)) << error;
  EXPECT_EQ(find_header(back.request_headers, "x-api-key"), std::string(kSecretPlaceholder));
  EXPECT_EQ(find_header(back.request_headers, "authorization"), std::string(kSecretPlaceholder));
  EXPECT_EQ(find_header(back.request_headers, "x-team-token"), std::string(kSecretPlaceholder));
  EXPECT_EQ(find_header(back.request_headers, "anthropic-version"), std::string("2023-06-01"));
}

TEST(ExchangeRecord, FileNamesCarryNumberMethodAndPath) {
  ExchangeRecord r = sample_record();
  EXPECT_EQ(exchange_file_name(r), "000012-POST-v1-messages.json");
  r.sequence = 3;
  r.method = "GET";
  r.path = "/v1/models/claude..x?limit=2";
  EXPECT_EQ(exchange_file_name(r), "000003-GET-v1-models-claude..x.json");
  r.path = "/";
  EXPECT_EQ(exchange_file_name(r), "000003-GET.json");
}

TEST(ExchangeRecord, ABadRecordSaysWhatIsWrongAndWhere) {
  ExchangeRecord out;
  std::string error;
  EXPECT_FALSE(parse_exchange_record("{", out, error));
  EXPECT_NE(error.find("not JSON"), std::string::npos) << error;
  std::string json = exchange_record_json(sample_record());
  std::string other = json;
  other.replace(other.find("apiconform-exchange/1"), 21, "apiconform-exchange/9");
  EXPECT_FALSE(parse_exchange_record(other, out, error));
  EXPECT_NE(error.find("/format"), std::string::npos) << error;
  other = json;
  other.replace(other.find("\"utf-8\""), 7, "\"base64\"");  // the request body is not base64
  EXPECT_FALSE(parse_exchange_record(other, out, error));
  EXPECT_NE(error.find("/request/body"), std::string::npos) << error;
  other = json;
  other.replace(other.find("\"status\""), 8, "\"statut\"");
  EXPECT_FALSE(parse_exchange_record(other, out, error));
  EXPECT_EQ(error, "/response/status: missing");
}

TEST(RecordFiles, WritesThroughTheBoundaryAndReadsBackInOrder) {
  test::TempDir dir;
  add_process_secret("sk-ant-process-secret-for-records-0123456789");
  ExchangeRecord second = sample_record();
  second.sequence = 2;
  second.request_body = R"({"note":"sk-ant-process-secret-for-records-0123456789"})";
  ExchangeRecord first = sample_record();
  first.sequence = 1;
  std::string error;
  ASSERT_TRUE(write_exchange_record(dir.path() + "/rec", second, {}, error)) << error;
  ASSERT_TRUE(write_exchange_record(dir.path() + "/rec", first, {}, error)) << error;
  dir.write("rec/README.txt", "not a record");
  dir.write("rec/000003-broken.json", "{\"format\":1}");
  Recording rec = read_exchange_records(dir.path() + "/rec");
  ASSERT_EQ(rec.exchanges.size(), 2u);
  EXPECT_EQ(rec.exchanges[0].sequence, 1);
  EXPECT_EQ(rec.exchanges[1].sequence, 2);
  EXPECT_EQ(rec.exchanges[1].request_body.find("process-secret"), std::string::npos);
  EXPECT_EQ(find_header(rec.exchanges[0].request_headers, "x-api-key"), std::string(kSecretPlaceholder));
  ASSERT_EQ(rec.diagnostics.size(), 1u);
  EXPECT_NE(rec.diagnostics[0].where.file.find("000003-broken.json"), std::string::npos);
  EXPECT_EQ(test::read_file(rec.files[0]).find(kClientKey), std::string::npos);
}

TEST(RecordFiles, AMissingFolderIsOneDiagnostic) {
  Recording rec = read_exchange_records("/nonexistent/recording");
  EXPECT_TRUE(rec.exchanges.empty());
  ASSERT_EQ(rec.diagnostics.size(), 1u);
  EXPECT_NE(rec.diagnostics[0].message.find("not a recording folder"), std::string::npos);
}

}  // namespace
}  // namespace ac
