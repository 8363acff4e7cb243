#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/finding.hpp"
#include "model/source_location.hpp"
#include "stream/field_path.hpp"

namespace ac {

// A stream grammar, loaded from data (e.g. schemas/anthropic/stream-grammar.yaml; the format is
// in docs/streaming.md). Nothing here knows any protocol's event names.

enum class Policy { Fail, Warn, Ignore };
const char* to_string(Policy p);

enum class BlockRole {
  None,
  Start,   // opens the next block (its index must be the block count so far)
  Delta,   // targets the open block
  Stop,    // closes the open block
  Closed,  // requires that no block is open
};

enum class FoldKind {
  Init,       // message = data[from]
  PushBlock,  // message[content].push(data[from]); it becomes the open block
  Set,        // message[to] = data[from] (when present)
  Merge,      // for each non-null member of data[from]: message[to][k] = it
  Append,     // open block[to] += data[from] (strings)
  Replace,    // open block[to] = data[from]
  Push,       // open block[to].push(data[from]) (array created when absent or null)
  Json,       // data[from] strings concatenated; at block stop parsed into open block[to]
};
const char* to_string(FoldKind k);

struct FoldOp {
  FoldKind kind = FoldKind::Set;
  FieldPath from;
  FieldPath to;
  std::string must_be;  // Json only: "object", "array"... or empty for any JSON value
  SourceLocation where;
};

// A small assertion on an event's data, for facts its schema cannot say (or says loosely).
struct EventCheck {
  FieldPath path;
  bool has_equals = false;
  std::string equals_json;  // JSON text of the expected value
  std::string type;         // JSON type name: null, boolean, integer, number, string, array, object
  std::string message;
  SourceLocation where;
};

struct EventRule {
  std::string name;
  std::vector<std::string> after;  // states in which it may arrive
  bool anywhere = false;           // may arrive in any state before the terminal event
  std::string to;                  // state after it; empty = unchanged
  bool terminal = false;           // nothing may follow it
  bool error = false;              // an in-band error: ends the stream unsuccessfully
  FieldPath error_type, error_message;
  Severity error_severity = Severity::Breaking;
  BlockRole block = BlockRole::None;
  bool content = false;            // counts as content (timing: first content, buffering)
  std::string schema;              // schema reference for its data; empty = none
  std::vector<EventCheck> checks;
  std::vector<FoldOp> fold;
  SourceLocation where;
};

struct DeltaRule {
  std::string type;
  std::vector<std::string> on;  // block types it may target
  std::string schema;           // replaces the event's schema when set
  std::vector<FoldOp> fold;
  SourceLocation where;
};

struct ForbiddenFrame {
  std::string data;  // exact data of a frame that must never appear
  std::string message;
  SourceLocation where;
};

// Recognises a whole stream of another protocol so it is explained in one sentence.
struct ForeignStream {
  std::string id;
  bool all_unnamed = false;
  FieldPath field;        // some frame's data has this field...
  std::string equals;     // ...equal to this string
  std::string last_data;  // and the last frame's data is exactly this (optional)
  std::string message;    // when every condition holds
  std::string message_without_last;  // when all but last_data hold
  SourceLocation where;
};

struct MonotonicRule {
  FieldPath path;  // in the folded message
  std::string message;
  SourceLocation where;
};

class Grammar {
 public:
  std::string file;
  std::string name;
  int version = 1;

  // framing
  std::string type_field = "type";
  bool type_must_equal_name = true;
  Severity unnamed_severity = Severity::Breaking;
  bool identify_unnamed_by_type = false;
  Severity unterminated_severity = Severity::Warning;
  std::vector<ForbiddenFrame> forbidden;
  std::vector<ForeignStream> foreign;

  // state machine
  std::vector<std::string> states;
  std::string start;
  Policy unknown_events = Policy::Warn;
  std::vector<EventRule> events;

  // blocks
  FieldPath block_index, block_type, delta_type;
  std::vector<std::string> block_types;
  Policy unknown_block_types = Policy::Warn;
  Policy unknown_deltas = Policy::Warn;
  std::vector<DeltaRule> deltas;

  // folding
  FieldPath content;
  std::string folded_schema;
  SourceLocation folded_schema_where;
  std::vector<MonotonicRule> monotonic;

  const EventRule* find_event(std::string_view name) const;
  const DeltaRule* find_delta(std::string_view type) const;
  bool known_block_type(std::string_view type) const;
  // Events that may arrive in `state`, for "expected one of" messages.
  std::vector<std::string> allowed_in(const std::string& state, bool terminal_only = false) const;
  // Every schema reference with where it was named.
  std::vector<std::pair<std::string, SourceLocation>> schema_refs() const;
};

// Loads a grammar; every problem comes back located (file:line:col) like case-file diagnostics.
// `out` is set only when there is no problem.
Diagnostics load_grammar(const std::string& path, std::unique_ptr<Grammar>& out);
Diagnostics load_grammar_from_string(const std::string& yaml, const std::string& file_name,
                                     std::unique_ptr<Grammar>& out);

}  // namespace ac
