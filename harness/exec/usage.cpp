#include "exec/usage.hpp"

#include <algorithm>

namespace ac {

namespace {

long long count(const rapidjson::Value& usage, const char* name) {
  auto it = usage.FindMember(name);
  if (it == usage.MemberEnd() || !it->value.IsInt64()) return 0;
  return std::max<long long>(0, it->value.GetInt64());  // a negative count spends nothing
}

}  // namespace

TokenUsage usage_of(const rapidjson::Value& message) {
  TokenUsage u;
  if (!message.IsObject()) return u;
  auto it = message.FindMember("usage");
  if (it == message.MemberEnd() || !it->value.IsObject()) return u;
  const rapidjson::Value& usage = it->value;
  // Cache writes and reads are input the endpoint processed (and bills, at other rates).
  u.input = count(usage, "input_tokens") + count(usage, "cache_creation_input_tokens") +
            count(usage, "cache_read_input_tokens");
  u.output = count(usage, "output_tokens");
  return u;
}

TokenUsage usage_of_body(const std::string& body) {
  if (body.find("\"usage\"") == std::string::npos) return {};
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  return doc.HasParseError() ? TokenUsage{} : usage_of(doc);
}

}  // namespace ac
