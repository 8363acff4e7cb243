#pragma once
// Helpers for the stream tests: the real grammar and schemas, stream builders, finding queries.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "schema/registry.hpp"
#include "model/case.hpp"
#include "stream/grammar.hpp"
#include "stream/stream_judge.hpp"

namespace ac::test {

const Grammar& anthropic_grammar();
const SchemaRegistry& anthropic_schemas();

std::string frame(const std::string& name, const std::string& data);
std::string message_start(int output_tokens = 1, const std::string& stop_reason = "null");
std::string block_start(int index, const std::string& block_json);
std::string text_start(int index);
std::string delta(int index, const std::string& delta_json);
std::string text_delta(int index, const std::string& text);
std::string block_stop(int index);
std::string message_delta(const std::string& stop_reason, int output_tokens, const std::string& stop_sequence = "null");
std::string message_stop();
std::string ping();
// message_start, one text block "Hello world", message_delta end_turn, message_stop.
std::string valid_text_stream();

struct Judged {
  Findings findings;
  std::size_t events = 0;
  bool completed = false;
  bool error = false;
  std::string error_summary;
  std::shared_ptr<rapidjson::Document> folded;
};

// Judges `text` fed in one chunk (or `chunk` bytes at a time) with the Anthropic grammar.
Judged judge_text(const std::string& text, bool connection_completed = true, std::size_t chunk = 0,
                  StreamJudgeOptions options = {});
Judged judge_with(const Grammar& g, const SchemaRegistry& s, const std::string& text, StreamJudgeOptions options = {});
// Judges `text` with the Anthropic grammar against a case's stream expectation.
Judged judge_expecting(const StreamExpectation& expect, const std::string& text);

// Findings that fail a case (breaking or cosmetic).
std::size_t failing(const Findings& f);
// The first finding of `check` whose message contains `text`, or nullptr.
const Finding* find(const Findings& f, const std::string& check, const std::string& text);
std::string dump(const Findings& f);

}  // namespace ac::test
