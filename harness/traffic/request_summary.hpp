#pragma once
#include <string>

#include <rapidjson/document.h>

namespace ac {

// What a client asked for, in a few words for a result's title: "streamed · 3 messages · 2 tools
// · thinking · images · cache_control" (only what is there).
struct RequestSummary {
  std::string model;  // the body's `model`, "" when none
  bool streamed = false;
  std::string text;
};

RequestSummary summarise_request(const rapidjson::Value& body);

}  // namespace ac
