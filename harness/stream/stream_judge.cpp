#include "stream/stream_judge.hpp"

#include <rapidjson/error/en.h>

#include <cstring>
#include <set>
#include <unordered_map>

#include "sse/sse_parser.hpp"
#include "stream/folder.hpp"
#include "util/json_render.hpp"

namespace ac {

namespace {

// Small events parse entirely inside this buffer: no heap allocation per event.
constexpr std::size_t kParseBuffer = 64 * 1024;
// How much of the last frame's data is kept to match a foreign stream's terminator.
constexpr std::size_t kLastDataKept = 64;

std::string quoted_list(const std::vector<std::string>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
  return s.empty() ? "nothing" : s;
}

bool type_matches(const rapidjson::Value& v, const std::string& type) {
  if (type == "number") return v.IsNumber();
  return type == json_type_name(v);
}

Severity severity_of(Policy p) { return p == Policy::Fail ? Severity::Breaking : Severity::Warning; }

}  // namespace

struct StreamJudge::Impl : SseSink {
  Impl(const Grammar& g, const SchemaRegistry& reg, const StreamExpectation& ex, StreamJudgeOptions o)
      : g(g), reg(reg), expect(ex), opt(o), parser(*this, SseOptions{o.max_event_bytes}),
        out(o.max_findings), folder(g, out, o.max_folded_text_bytes), timing(o.buffered),
        pool_buffer(new char[kParseBuffer]), pool(pool_buffer.get(), kParseBuffer), doc(&pool),
        state(g.start), foreign_field_seen(g.foreign.size(), false) {
    type_path = FieldPath::parse(g.type_field);
    for (std::size_t i = 0; i < g.states.size(); ++i) state_number.emplace(g.states[i], static_cast<int>(i));
    auto sn = state_number.find(g.start);
    state_no = sn == state_number.end() ? -1 : sn->second;
    for (const auto& e : g.events) {
      rule_by_name.emplace(e.name, &e);
      std::vector<bool> ok(g.states.size(), e.anywhere);
      for (const auto& a : e.after) {
        auto it = state_number.find(a);
        if (it != state_number.end()) ok[static_cast<std::size_t>(it->second)] = true;
      }
      allowed_states.emplace(&e, std::move(ok));
    }
    for (const auto& d : g.deltas) delta_by_type.emplace(d.type, &d);
    for (const auto& e : g.events)
      for (const auto& c : e.checks) {
        if (!c.has_equals) continue;
        expected_values.emplace_back(&c, std::make_unique<rapidjson::Document>());
        expected_values.back().second->Parse(c.equals_json.c_str());
      }
  }

  // SseSink
  void on_event(const SseEvent& e) override { judge_event(e, false); }
  void on_problem(const SseProblem& p) override;

  void judge_event(const SseEvent& e, bool unterminated);
  void add(const std::string& key, const std::string& check, const EventLabel& ev, const std::string& pointer_tail,
           std::string message, Severity sev = Severity::Breaking, std::string expected = {},
           std::string actual = {}, std::size_t limit = 0);
  bool parse(std::string_view data);
  void check_order(const EventRule& rule, const EventLabel& ev);
  bool check_blocks(const EventRule& rule, const EventLabel& ev, const DeltaRule*& delta);
  void validate(const std::string& ref, const EventLabel& ev);
  void run_checks(const EventRule& rule, const EventLabel& ev);
  void judge_error(const EventRule& rule, const EventLabel& ev, bool parsed);
  void judge_missing_error();
  void end_of_stream(bool connection_completed);
  std::vector<std::string> expected_next(bool terminal_only = false) const;
  void judge_foreign();
  void judge_folded();
  const rapidjson::Value* expected_value(const EventCheck* c) const {
    for (const auto& [check, value] : expected_values)
      if (check == c) return value.get();
    return nullptr;
  }

  const Grammar& g;
  const SchemaRegistry& reg;
  const StreamExpectation& expect;
  StreamJudgeOptions opt;
  SseParser parser;
  FindingCollector out;
  Folder folder;
  StreamTiming timing;

  std::unique_ptr<char[]> pool_buffer;
  rapidjson::MemoryPoolAllocator<> pool;
  rapidjson::Document doc;
  std::string parse_error;
  bool bad_utf8 = false;  // the last parse failed on bytes that are not UTF-8

  std::string state;
  std::size_t events = 0;
  std::size_t unnamed = 0;
  std::string last_name;        // name of the last judged event, for messages
  std::size_t last_index = 0;
  bool ended = false;
  std::string terminal_name;
  std::size_t terminal_index = 0;
  bool error_ended = false;
  std::string error_summary;
  std::string error_type;
  bool finished = false;
  double last_at = 0;
  std::string head;  // the first bytes, to say what a body with no event was

  bool block_open = false;
  std::size_t open_index = 0;  // the index the open block declared
  std::size_t blocks = 0;
  std::string open_type;

  std::vector<bool> foreign_field_seen;
  std::string last_data;
  bool last_data_cut = false;

  std::vector<EventRecord> records;
  std::set<std::string> missing_schemas;
  // Lookups on the hot path, built once: names to rules, states to numbers.
  FieldPath type_path;
  std::unordered_map<std::string_view, const EventRule*> rule_by_name;
  std::unordered_map<std::string_view, const DeltaRule*> delta_by_type;
  std::unordered_map<const EventRule*, std::vector<bool>> allowed_states;  // by state number
  std::unordered_map<std::string_view, int> state_number;
  int state_no = -1;
  std::vector<std::pair<const std::string*, bool>> schema_known;  // registry.has(), per grammar ref
  std::vector<std::pair<const EventCheck*, std::unique_ptr<rapidjson::Document>>> expected_values;
};

void StreamJudge::Impl::add(const std::string& key, const std::string& check, const EventLabel& ev,
                            const std::string& pointer_tail, std::string message, Severity sev,
                            std::string expected, std::string actual, std::size_t limit) {
  Finding f;
  f.check = check;
  f.pointer = ev.pointer() + pointer_tail;
  f.message = ev.text() + ": " + message;
  f.severity = sev;
  f.expected = std::move(expected);
  f.actual = std::move(actual);
  out.add(key, std::move(f), limit);
}

bool StreamJudge::Impl::parse(std::string_view data) {
  // The previous event's values live in the pool: drop them, then reuse its memory.
  doc.SetNull();
  pool.Clear();
  // The SSE parser's buffers are std::strings, so the data is followed by a NUL: parsing it as a
  // C string is faster than through a length-bounded stream. An embedded NUL needs the latter.
  if (data.data()[data.size()] == '\0' && std::memchr(data.data(), '\0', data.size()) == nullptr)
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(data.data());
  else
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(data.data(), data.size());
  bad_utf8 = doc.GetParseError() == rapidjson::kParseErrorStringInvalidEncoding;
  if (!doc.HasParseError()) return true;
  std::size_t off = doc.GetErrorOffset();
  parse_error = std::string(rapidjson::GetParseError_En(doc.GetParseError())) + " at offset " + std::to_string(off);
  doc.SetNull();
  return false;
}

void StreamJudge::Impl::on_problem(const SseProblem& p) {
  EventLabel ev{p.index, p.name};
  switch (p.kind) {
    case SseProblemKind::Oversize:
      ++events;
      add("sse:oversize", "sse", ev, "",
          "is " + std::to_string(p.size) + " bytes, over the per-event limit of " +
              std::to_string(opt.max_event_bytes) + " bytes; it was skipped, not judged (raise max_event_bytes)");
      return;
    case SseProblemKind::NoData:
      ++events;
      add("sse:nodata", "sse", ev, "",
          "has an `event:` line but no `data:` line; event-stream clients drop such a frame", Severity::Warning);
      return;
    case SseProblemKind::Unterminated:
      break;
  }
  if (!p.has_data && p.name.empty()) return;  // only id/retry fields: nothing was being sent
  if (p.oversize || !p.has_data) {
    ++events;
    add("sse:unterminated", "sse", ev, "",
        "the stream ended inside this frame (" + std::to_string(p.size) + " bytes, " +
            (p.oversize ? "over the size limit" : "no data line") + ") with no blank line after it");
    return;
  }
  SseEvent e;
  e.name = p.name;
  e.data = p.data;
  e.index = p.index;
  e.line = p.line;
  e.offset = p.offset;
  e.at_ms = p.at_ms;
  judge_event(e, true);
}

void StreamJudge::Impl::judge_event(const SseEvent& e, bool unterminated) {
  ++events;
  last_index = e.index;
  if (records.size() < opt.record_events) {
    EventRecord r;
    r.name.assign(e.name.data(), e.name.size());
    r.data.assign(e.data.data(), std::min(e.data.size(), opt.record_data_bytes));
    r.at_ms = e.at_ms;
    records.push_back(std::move(r));
  }
  last_data_cut = e.data.size() > kLastDataKept;
  last_data.assign(e.data.data(), std::min(e.data.size(), kLastDataKept));
  if (e.name.empty()) ++unnamed;
  EventLabel ev{e.index, e.name};

  for (const auto& ff : g.forbidden) {
    if (e.data == ff.data) {
      add("forbidden:" + ff.data, "stream-grammar", ev, "/data", ff.message, Severity::Breaking, "no such frame",
          ff.data);
      timing.on_event(e.at_ms, false);
      return;
    }
  }

  bool parsed = parse(e.data);
  if (unterminated && !parsed) {
    add("sse:cut", "sse", ev, "",
        "the stream ended in the middle of this event: its data (" + std::to_string(e.data.size()) +
            " bytes) is incomplete JSON (" + parse_error + ")");
    timing.on_event(e.at_ms, false);
    return;
  }
  if (unterminated) {
    add("sse:unterminated", "sse", ev, "",
        "is not followed by a blank line: event-stream clients dispatch an event only at a blank line, so the "
        "official SDKs drop it; judged here as if it were terminated",
        g.unterminated_severity);
  }

  // Which event is it? SDKs dispatch on the `event:` name; a data-only frame may still be judged
  // by its JSON type when the grammar says so.
  std::string_view name = e.name;
  for (std::size_t i = 0; parsed && i < g.foreign.size(); ++i) {
    if (foreign_field_seen[i] || g.foreign[i].field.empty()) continue;
    if (g.foreign[i].all_unnamed && unnamed != events) continue;  // cannot match any more
    const rapidjson::Value* v = resolve(g.foreign[i].field, doc);
    if (v && v->IsString() && g.foreign[i].equals == v->GetString()) foreign_field_seen[i] = true;
  }
  if (name.empty()) {
    // The official SDK skips unnamed frames: content in one is lost ("unnamed"), an empty or
    // typeless one ("unnamed-noise", e.g. `data: null`) costs nothing (tests/sdk/ checks both).
    const bool carries_event = parsed && doc.IsObject() && resolve(type_path, doc);
    add(carries_event ? "unnamed" : "unnamed-noise", "stream-grammar", ev, "",
        "has no `event:` line (a data-only frame); the official SDKs drop unnamed frames", g.unnamed_severity,
        "event: <name>", "no event line", 1);
    if (g.identify_unnamed_by_type && parsed) {
      const rapidjson::Value* t = resolve(type_path, doc);
      if (t && t->IsString()) name = std::string_view(t->GetString(), t->GetStringLength());
    }
  }

  if (ended) {
    add("after-terminal", "stream-grammar", ev, "",
        "arrived after event " + std::to_string(terminal_index) + " (" + terminal_name +
            "), which ends the stream; nothing may follow it",
        Severity::Breaking, "end of stream", std::string(name));
    timing.on_event(e.at_ms, false);
    return;
  }

  if (!parsed && bad_utf8) {
    add("sse:utf8", "sse", ev, "/data",
        "data holds bytes that are not valid UTF-8 (" + parse_error +
            "): event streams are UTF-8; the TypeScript SDK's decoder turns them into U+FFFD (text silently "
            "corrupted), strict decoders raise",
        Severity::Breaking, "UTF-8", "invalid bytes");
  } else if (!parsed) {
    add("not-json:" + std::string(name), "stream-event-schema", ev, "/data",
        "data is not JSON: " + parse_error + " (data starts \"" + std::string(e.data.substr(0, 60)) + "\")",
        Severity::Breaking, "JSON", std::string(e.data.substr(0, 60)));
  } else if (!e.name.empty() && g.type_must_equal_name) {
    const rapidjson::Value* t = resolve(type_path, doc);
    bool same = t && t->IsString() && std::string_view(t->GetString(), t->GetStringLength()) == e.name;
    if (!same) {
      std::string actual =
          !t ? "missing" : t->IsString() ? std::string(t->GetString(), t->GetStringLength()) : json_excerpt(*t, 80, "...");
      add("name-type", "stream-grammar", ev, "/data/" + g.type_field,
          "the data's `" + g.type_field + "` is " + (t ? "\"" + actual + "\"" : "missing") +
              " but the event name is \"" + std::string(e.name) + "\"; they must be equal (SDKs dispatch on the name)",
          Severity::Breaking, std::string(e.name), actual);
      // The official TypeScript SDK reads a named event by its data's type (tests/sdk/, fault
      // name-mismatch): judge and fold it as that type, so only the naming is reported.
      if (t && t->IsString() && rule_by_name.count(std::string_view(t->GetString(), t->GetStringLength())))
        name = std::string_view(t->GetString(), t->GetStringLength());
    }
  }

  const EventRule* rule = nullptr;
  if (!name.empty()) {
    auto it = rule_by_name.find(name);
    if (it != rule_by_name.end()) rule = it->second;
  }
  if (!rule) {
    if (!name.empty() && g.unknown_events != Policy::Ignore)
      add("unknown:" + std::string(name), "stream-grammar", ev, "",
          "is not an event of the `" + g.name + "` grammar (unknown events: " + to_string(g.unknown_events) + ")",
          severity_of(g.unknown_events), quoted_list([&] {
            std::vector<std::string> n;
            for (const auto& r : g.events) n.push_back(r.name);
            return n;
          }()),
          std::string(name));
    timing.on_event(e.at_ms, false);
    return;
  }
  ev.name = rule->name;

  check_order(*rule, ev);
  const DeltaRule* delta = nullptr;
  bool fold_block = parsed ? check_blocks(*rule, ev, delta) : false;
  if (parsed) {
    validate(delta && !delta->schema.empty() ? delta->schema : rule->schema, ev);
    run_checks(*rule, ev);
    folder.event_ops(rule->fold, doc, ev);
    if (rule->block == BlockRole::Start) {
      // push_block made the new block the folder's open block.
    }
    if (fold_block) {
      if (delta) folder.block_ops(delta->fold, doc, ev);
      folder.block_ops(rule->fold, doc, ev);
    }
  }
  if (rule->block == BlockRole::Stop && parsed) folder.close_block(ev);

  if (rule->terminal) {
    ended = true;
    terminal_name = rule->name;
    terminal_index = e.index;
    if (rule->error) judge_error(*rule, ev, parsed);
  }
  last_name = rule->name;
  timing.on_event(e.at_ms, rule->content);
}

// An in-band error ends the stream. Unless the case expects exactly this error type
// (`expect.stream.error`), that is a finding.
void StreamJudge::Impl::judge_error(const EventRule& rule, const EventLabel& ev, bool parsed) {
  error_ended = true;
  const rapidjson::Value* t = parsed && !rule.error_type.empty() ? resolve(rule.error_type, doc) : nullptr;
  const rapidjson::Value* m = parsed && !rule.error_message.empty() ? resolve(rule.error_message, doc) : nullptr;
  const std::string type = t && t->IsString() ? t->GetString() : "";
  error_type = type;
  error_summary = type.empty() ? "unknown error" : type;
  if (m && m->IsString()) error_summary += std::string(": ") + m->GetString();
  const std::string pointer = rule.error_type.empty() ? "/data" : "/data" + rule.error_type.pointer();
  if (expect.error.empty()) {
    add("error-event", "stream-error", ev, pointer, "the stream ended with an in-band error: " + error_summary,
        rule.error_severity, "a complete stream", error_summary);
  } else if (type != expect.error) {
    add("error-event", "stream-error", ev, pointer,
        "the stream ended with an in-band error of another type than the expected one: " + error_summary,
        Severity::Breaking, "an in-band error of type " + expect.error, type.empty() ? "no error type" : type);
  }
}

// The case expected the stream to end with an in-band error and none came.
void StreamJudge::Impl::judge_missing_error() {
  if (expect.error.empty() || error_ended) return;
  Finding f;
  f.check = "stream-error";
  f.pointer = "/events";
  f.expected = "an in-band error of type " + expect.error;
  f.actual = ended ? "the stream ended with " + terminal_name : "no error event";
  f.message = "the stream was expected to end with an in-band error of type " + expect.error + ", but " +
              (ended ? "it ended normally with " + terminal_name : std::string("no error event arrived"));
  out.add("missing-error", std::move(f));
}

// Events the grammar allows now, also taking the open block into account.
std::vector<std::string> StreamJudge::Impl::expected_next(bool terminal_only) const {
  std::vector<std::string> out;
  for (const auto& name : g.allowed_in(state, terminal_only)) {
    const EventRule* r = g.find_event(name);
    bool in_block = r->block == BlockRole::Delta || r->block == BlockRole::Stop;
    bool needs_closed = r->block == BlockRole::Start || r->block == BlockRole::Closed;
    if ((block_open && needs_closed) || (!block_open && in_block)) continue;
    out.push_back(name);
  }
  return out;
}

void StreamJudge::Impl::check_order(const EventRule& rule, const EventLabel& ev) {
  const auto& ok = allowed_states.at(&rule);
  bool allowed = rule.anywhere || (state_no >= 0 && ok[static_cast<std::size_t>(state_no)]);
  if (!allowed) {
    std::string after = last_name.empty() ? "at the start of the stream" : "after " + last_name;
    add("order:" + rule.name + "@" + state, "stream-grammar", ev, "",
        "is not allowed " + after + " (state `" + state + "`); expected one of: " + quoted_list(expected_next()),
        Severity::Breaking, quoted_list(expected_next()), rule.name);
  }
  if (!rule.to.empty()) {  // resynchronise so one mistake gives one finding
    state = rule.to;
    auto it = state_number.find(rule.to);
    state_no = it == state_number.end() ? -1 : it->second;
  }
}

bool StreamJudge::Impl::check_blocks(const EventRule& rule, const EventLabel& ev, const DeltaRule*& delta) {
  if (rule.block == BlockRole::None) return false;
  if (rule.block == BlockRole::Closed) {
    if (block_open) {
      add("unclosed-before:" + rule.name, "stream-grammar", ev, "",
          "arrived while block " + std::to_string(open_index) + " (" + open_type +
              ") is still open: its content_block_stop is missing",
          Severity::Breaking, "block " + std::to_string(open_index) + " closed", "still open");
      folder.close_block(ev);
      block_open = false;
    }
    return false;
  }
  const rapidjson::Value* iv = resolve(g.block_index, doc);
  bool has_index = iv && iv->IsUint64();
  std::size_t index = has_index ? static_cast<std::size_t>(iv->GetUint64()) : 0;
  if (!has_index) return false;
  // Built only when a finding needs them: this runs for every block event.
  auto ip_of = [&] { return "/data" + g.block_index.pointer(); };
  const std::string& field = g.block_index.text;  // the event's schema reports a missing or malformed index

  if (rule.block == BlockRole::Start) {
    if (block_open) {
      add("interleaved", "stream-grammar", ev, ip_of(),
          "opens block " + std::to_string(index) + " while block " + std::to_string(open_index) + " (" + open_type +
              ") is still open: blocks must not interleave (no stop for " + field + " " +
              std::to_string(open_index) + " before it)",
          Severity::Breaking, "stop of block " + std::to_string(open_index) + " first", "start of " + std::to_string(index));
      folder.close_block(ev);
    }
    if (index != blocks) {
      add("index-gap", "stream-grammar", ev, ip_of(),
          "starts a block with " + field + " " + std::to_string(index) + ", but it is block " +
              std::to_string(blocks) + " of the stream: the k-th block must have " + field + " k (0, 1, 2...)",
          Severity::Breaking, std::to_string(blocks), std::to_string(index));
    }
    block_open = true;
    open_index = index;
    ++blocks;
    const rapidjson::Value* t = g.block_type.empty() ? nullptr : resolve(g.block_type, doc);
    open_type = t && t->IsString() ? t->GetString() : "";
    if (!open_type.empty() && !g.block_types.empty() && !g.known_block_type(open_type) &&
        g.unknown_block_types != Policy::Ignore)
      add("unknown-block:" + open_type, "stream-grammar", ev, "/data" + g.block_type.pointer(),
          "block type `" + open_type + "` is not one the grammar knows (" + to_string(g.unknown_block_types) + ")",
          severity_of(g.unknown_block_types), quoted_list(g.block_types), open_type);
    return false;  // push_block is a message-level operation
  }

  if (!block_open) {
    add(rule.block == BlockRole::Delta ? "delta-no-block" : "stop-no-block", "stream-grammar", ev, ip_of(),
        "targets " + field + " " + std::to_string(index) + " but no block is open" +
            (blocks ? " (block " + std::to_string(blocks - 1) + " was already stopped)" : " (no block was started)"),
        Severity::Breaking, "an open block", "none");
    return false;
  }
  if (index != open_index) {
    add(rule.block == BlockRole::Delta ? "delta-wrong-block" : "stop-wrong-block", "stream-grammar", ev, ip_of(),
        "targets " + field + " " + std::to_string(index) + " but the open block is " + std::to_string(open_index) +
            " (" + open_type + ")",
        Severity::Breaking, std::to_string(open_index), std::to_string(index));
    if (rule.block == BlockRole::Stop) block_open = false;
    return false;
  }
  if (rule.block == BlockRole::Stop) {
    block_open = false;
    return false;
  }
  // A delta on the open block: is its type legal for that block?
  if (g.delta_type.empty()) return true;
  const rapidjson::Value* dt = resolve(g.delta_type, doc);
  if (!dt || !dt->IsString()) return false;  // the schema reports it
  std::string_view type_view(dt->GetString(), dt->GetStringLength());
  auto found = delta_by_type.find(type_view);
  delta = found == delta_by_type.end() ? nullptr : found->second;
  bool legal = false;
  if (delta)
    for (const auto& t : delta->on) legal = legal || t == open_type;
  if (legal) return true;
  const std::string type(type_view);
  const std::string dp = "/data" + g.delta_type.pointer();
  if (!delta) {
    if (g.unknown_deltas != Policy::Ignore)
      add("unknown-delta:" + type, "stream-grammar", ev, dp,
          "delta type `" + type + "` is not one the grammar knows (" + to_string(g.unknown_deltas) + ")",
          severity_of(g.unknown_deltas), "", type);
    return false;
  }
  {
    add("delta-type:" + type + "@" + open_type, "stream-grammar", ev, dp,
        "a `" + type + "` cannot target block " + std::to_string(open_index) + ", a `" + open_type + "` block; `" +
            type + "` may target only: " + quoted_list(delta->on),
        Severity::Breaking, quoted_list(delta->on), open_type);
    return false;
  }
}

void StreamJudge::Impl::validate(const std::string& ref, const EventLabel& ev) {
  if (ref.empty()) return;
  bool known = false, cached = false;
  for (const auto& [r, k] : schema_known)
    if (r == &ref) known = k, cached = true;
  if (!cached) {
    known = reg.has(ref);
    schema_known.emplace_back(&ref, known);
  }
  if (!known) {
    if (missing_schemas.count(ref)) return;
    missing_schemas.insert(ref);
    add("missing-schema:" + ref, "stream-event-schema", ev, "",
        "the grammar names schema `" + ref + "`, which the schema registry does not have; events of this kind are "
        "not validated");
    return;
  }
  for (const auto& err : reg.validate(ref, doc)) {
    add("schema:" + ref + "#" + err.schema_path + ":" + err.keyword, "stream-event-schema", ev,
        "/data" + err.pointer, err.message, Severity::Breaking, err.expected, err.actual);
  }
}

void StreamJudge::Impl::run_checks(const EventRule& rule, const EventLabel& ev) {
  for (const auto& c : rule.checks) {
    const rapidjson::Value* v = resolve(c.path, doc);
    const std::string ptr = "/data" + c.path.pointer();
    if (c.has_equals) {
      const rapidjson::Value* want = expected_value(&c);
      if (!v || !want || *v != *want)
        add("check:" + rule.name + ":" + c.path.text, "stream-event-schema", ev, ptr, c.message, Severity::Breaking,
            c.equals_json, v ? json_excerpt(*v, 80, "...") : "missing");
    }
    if (!c.type.empty() && (!v || !type_matches(*v, c.type)))
      add("check:" + rule.name + ":" + c.path.text + ":type", "stream-event-schema", ev, ptr, c.message,
          Severity::Breaking, c.type, v ? json_type_name(*v) : "missing");
  }
}

void StreamJudge::Impl::judge_foreign() {
  for (std::size_t i = 0; i < g.foreign.size(); ++i) {
    const auto& fp = g.foreign[i];
    if (events == 0) return;
    if (fp.all_unnamed && unnamed != events) continue;
    if (!fp.field.empty() && !foreign_field_seen[i]) continue;
    bool last_ok = fp.last_data.empty() || (!last_data_cut && last_data == fp.last_data);
    if (!last_ok && fp.message_without_last.empty()) continue;
    // The whole stream is of another protocol: one sentence explains it better than a finding
    // per event, so only framing findings and forbidden frames stay beside it.
    out.retain([](const std::string& key, const Finding& f) {
      return f.check == "sse" || key.rfind("forbidden:", 0) == 0;
    });
    Finding f;
    f.check = "stream-grammar";
    f.pointer = "/events";
    f.message = last_ok ? fp.message : fp.message_without_last;
    f.expected = "a `" + g.name + "` stream";
    f.actual = fp.id;
    out.prepend("foreign:" + fp.id, std::move(f));
    return;
  }
}

void StreamJudge::Impl::judge_folded() {
  if (!ended || error_ended || !folder.has_message()) return;
  const std::string& ref = !expect.folded_schema.empty() ? expect.folded_schema : g.folded_schema;
  if (ref.empty()) return;
  EventLabel ev{terminal_index, terminal_name};
  if (!reg.has(ref)) {
    add("missing-schema:" + ref, "stream-fold", ev, "", "the folded message's schema `" + ref + "` is not in the registry");
    return;
  }
  for (const auto& err : reg.validate(ref, folder.message())) {
    Finding f;
    f.check = "stream-fold";
    f.pointer = "/folded" + err.pointer;
    f.message = "the folded message: " + err.message;
    f.expected = err.expected;
    f.actual = err.actual;
    out.add("folded:" + err.schema_path + ":" + err.keyword + err.pointer, std::move(f));
  }
}

void StreamJudge::Impl::end_of_stream(bool connection_completed) {
  parser.finish(last_at);
  EventLabel last{last_index, last_name};
  if (block_open) {
    folder.close_block(last);
    if (ended && !error_ended) block_open = false;  // a terminal `closed` event already reported it
  }
  if (!ended) {
    std::vector<std::string> enders = g.allowed_in(state, true);
    Finding f;
    f.pointer = "/events";
    f.expected = quoted_list(enders);
    f.actual = events ? "stream ended after event " + std::to_string(last_index) : "no event";
    if (!connection_completed) {
      f.check = "sse";
      f.message = "the connection was cut " +
                  (events ? "after event " + std::to_string(last_index) + " (" + last_name + ")" : std::string("before any event")) +
                  ", before the stream ended (" + quoted_list(enders) + " never arrived)";
    } else if (events == 0 && parser.bytes() == 0) {
      f.check = "stream-grammar";
      f.message = "the stream is empty: no event arrived";
    } else if (events == 0) {
      f.check = "stream-grammar";
      f.message = "no event in the " + std::to_string(parser.bytes()) +
                  " bytes received: the body is not a text/event-stream (it starts \"" + head + "\")";
    } else {
      f.check = "stream-grammar";
      f.message = "the stream ended after event " + std::to_string(last_index) +
                  (last_name.empty() ? std::string() : " (" + last_name + ")") + " without " + quoted_list(enders) +
                  "; expected next: " + quoted_list(expected_next());
    }
    out.add("end", std::move(f));
    if (block_open) {
      Finding b;
      b.check = "stream-grammar";
      b.pointer = "/events";
      b.message = "block " + std::to_string(open_index) + " (" + open_type + ") was never stopped";
      out.add("end-open-block", std::move(b));
    }
  }
  judge_missing_error();
  judge_folded();
  if (opt.judge_timing) timing.judge(expect.timing_max_ms, expect.require_incremental, out);
  judge_foreign();
  out.finish();
}

StreamJudge::StreamJudge(const Grammar& grammar, const SchemaRegistry& schemas, const StreamExpectation& expect,
                         StreamJudgeOptions options)
    : impl_(std::make_unique<Impl>(grammar, schemas, expect, options)) {}

StreamJudge::~StreamJudge() = default;

void StreamJudge::feed(const char* data, std::size_t size, double at_ms) {
  if (impl_->finished || size == 0) return;
  impl_->last_at = at_ms;
  impl_->timing.on_bytes(at_ms);
  if (impl_->head.size() < 60) impl_->head.append(data, std::min(size, 60 - impl_->head.size()));
  impl_->parser.feed(data, size, at_ms);
}

void StreamJudge::finish(bool connection_completed) {
  if (impl_->finished) return;
  impl_->finished = true;
  impl_->end_of_stream(connection_completed);
}

const Findings& StreamJudge::findings() const { return impl_->out.findings(); }
const std::vector<EventRecord>& StreamJudge::recorded_events() const { return impl_->records; }
std::size_t StreamJudge::event_count() const { return impl_->events; }
double StreamJudge::first_event_ms() const { return impl_->timing.first_event_ms(); }
double StreamJudge::first_content_ms() const { return impl_->timing.first_content_ms(); }
double StreamJudge::max_gap_ms() const { return impl_->timing.max_gap_ms(); }
const rapidjson::Document& StreamJudge::folded() const { return impl_->folder.message(); }
bool StreamJudge::ended_with_error() const { return impl_->error_ended; }
const std::string& StreamJudge::error_summary() const { return impl_->error_summary; }
const std::string& StreamJudge::error_type() const { return impl_->error_type; }
bool StreamJudge::completed() const { return impl_->ended && !impl_->error_ended; }
const StreamTiming& StreamJudge::timing() const { return impl_->timing; }

}  // namespace ac
