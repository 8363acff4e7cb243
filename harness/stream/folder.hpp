#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "stream/finding_collector.hpp"
#include "stream/grammar.hpp"

namespace ac {

// Names an event in messages and pointers: "event 3 (content_block_delta)", "/events/3".
struct EventLabel {
  std::size_t index = 0;
  std::string_view name;
  std::string text() const;
  std::string pointer() const { return "/events/" + std::to_string(index); }
};

// Folds a stream's events into the final message following the grammar's fold operations.
// Strings appended by deltas are kept in plain buffers and written into the document when the
// block stops, so a long stream costs one copy of its text, not one per delta.
class Folder {
 public:
  Folder(const Grammar& g, FindingCollector& out, std::size_t max_text_bytes);

  bool has_message() const { return message_.IsObject(); }
  // Message-level operations of an event (init, push_block, set, merge), then monotonic checks.
  void event_ops(const std::vector<FoldOp>& ops, const rapidjson::Value& data, const EventLabel& ev);
  // Block-level operations of a delta (append, replace, push, json) on the open block.
  void block_ops(const std::vector<FoldOp>& ops, const rapidjson::Value& data, const EventLabel& ev);
  // The open block is complete: its buffers are written into it and JSON buffers parsed.
  void close_block(const EventLabel& ev);
  bool block_open() const { return open_ != kNone; }
  std::size_t blocks() const { return blocks_; }

  const rapidjson::Document& message() const { return message_; }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  struct Pending {
    const FoldOp* op = nullptr;
    std::string text;
    bool seen = false;       // a delta supplied this field
    bool truncated = false;  // over the text cap: not all of it was kept
  };

  rapidjson::Value* open_block();
  Pending& pending_for(const FoldOp& op);
  void finish_json(Pending& p, rapidjson::Value& block, const EventLabel& ev);
  void check_monotonic(const EventLabel& ev);
  void fold_problem(const EventLabel& ev, const std::string& key, const std::string& message,
                    Severity severity = Severity::Breaking, const std::string& pointer = {});
  std::string block_pointer() const;

  const Grammar& g_;
  FindingCollector& out_;
  std::size_t max_text_bytes_;
  std::size_t text_bytes_ = 0;
  bool over_text_cap_ = false;
  rapidjson::Document message_;
  std::size_t open_ = kNone;  // position of the open block in the content array
  std::size_t blocks_ = 0;
  std::vector<Pending> pending_;
  std::vector<double> last_monotonic_;
  std::vector<bool> has_monotonic_;
};

}  // namespace ac
