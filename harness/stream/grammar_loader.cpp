// Reads a stream grammar from YAML into a Grammar, reporting every problem at its place.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "load/located_yaml.hpp"
#include "util/suggest.hpp"
#include "stream/grammar.hpp"

namespace ac {

namespace {

const std::vector<std::string> kTopKeys = {"grammar", "version", "framing", "states", "start",
                                           "unknown_events", "events", "blocks", "folded"};
const std::vector<std::string> kFramingKeys = {"type_field", "type_must_equal_name", "unnamed_events",
                                               "identify_unnamed_by_type", "unterminated_final_event",
                                               "forbidden", "foreign"};
const std::vector<std::string> kEventKeys = {"after", "anywhere", "to", "terminal", "error", "severity",
                                             "block", "content", "schema", "checks", "fold"};
const std::vector<std::string> kBlockKeys = {"index", "type", "delta_type", "types", "unknown_types",
                                             "unknown_deltas", "deltas"};
const std::vector<std::string> kDeltaKeys = {"on", "schema", "fold"};
const std::vector<std::string> kFoldedKeys = {"content", "schema", "monotonic"};
const std::vector<std::string> kMessageOps = {"init", "push_block", "set", "merge"};
const std::vector<std::string> kBlockOps = {"append", "replace", "push", "json"};
const std::vector<std::string> kRoles = {"none", "start", "delta", "stop", "closed"};
const std::vector<std::string> kTypes = {"null", "boolean", "integer", "number", "string", "array", "object"};

class Loader {
 public:
  Loader(YamlFile& f, Grammar& g) : f_(f), g_(g) {}

  void load(const YAML::Node& root) {
    if (!map(root, "the grammar")) return;
    Fields top(root, kTopKeys, f_, "grammar");
    if (top.require("grammar")) read_string(top.value("grammar"), f_, "grammar", g_.name);
    if (top.has("version")) {
      std::int64_t v = 1;
      if (read_int(top.value("version"), f_, "version", 1, 1, v)) g_.version = static_cast<int>(v);
    }
    if (top.has("framing")) load_framing(top.value("framing"));
    if (top.require("states", "list the states of the stream, e.g. [begin, message, ended]"))
      read_string_list(top.value("states"), f_, "states", g_.states);
    if (top.require("start")) read_string(top.value("start"), f_, "start", g_.start);
    if (top.has("unknown_events")) policy(top.value("unknown_events"), "unknown_events", g_.unknown_events);
    if (top.has("blocks")) load_blocks(top.value("blocks"));
    if (top.has("folded")) load_folded(top.value("folded"));
    if (top.require("events")) load_events(top.value("events"));
    cross_check(root, top);
  }

 private:
  bool map(const YAML::Node& n, const std::string& what) {
    if (n.IsMap()) return true;
    f_.error(n, what + " must be a mapping");
    return false;
  }

  bool policy(const YAML::Node& n, const std::string& what, Policy& out) {
    std::string s;
    if (!read_string(n, f_, what, s)) return false;
    if (s == "fail") out = Policy::Fail;
    else if (s == "warn") out = Policy::Warn;
    else if (s == "ignore") out = Policy::Ignore;
    else {
      f_.error(n, "`" + what + "` must be fail, warn or ignore, not `" + s + "`",
               did_you_mean(s, {"fail", "warn", "ignore"}));
      return false;
    }
    return true;
  }

  bool severity(const YAML::Node& n, const std::string& what, Severity& out) {
    std::string s;
    if (!read_string(n, f_, what, s)) return false;
    if (s == "breaking") out = Severity::Breaking;
    else if (s == "cosmetic") out = Severity::Cosmetic;
    else if (s == "warning") out = Severity::Warning;
    else {
      f_.error(n, "`" + what + "` must be breaking, cosmetic or warning, not `" + s + "`",
               did_you_mean(s, {"breaking", "cosmetic", "warning"}));
      return false;
    }
    return true;
  }

  bool path(const YAML::Node& n, const std::string& what, FieldPath& out) {
    std::string s;
    if (!read_string(n, f_, what, s)) return false;
    out = FieldPath::parse(s);
    for (const auto& k : out.keys) {
      if (k.empty()) {
        f_.error(n, "`" + what + "` must be a dotted field path like `delta.type`, not `" + s + "`");
        out = {};
        return false;
      }
    }
    if (out.empty()) {
      f_.error(n, "`" + what + "` must not be empty");
      return false;
    }
    return true;
  }

  void boolean(const Fields& fields, const std::string& key, const std::string& what, bool& out) {
    if (fields.has(key)) read_bool(fields.value(key), f_, what, out);
  }

  void load_framing(const YAML::Node& n) {
    if (!map(n, "`framing`")) return;
    Fields fr(n, kFramingKeys, f_, "framing");
    if (fr.has("type_field")) read_string(fr.value("type_field"), f_, "framing.type_field", g_.type_field);
    boolean(fr, "type_must_equal_name", "framing.type_must_equal_name", g_.type_must_equal_name);
    if (fr.has("unnamed_events")) severity(fr.value("unnamed_events"), "framing.unnamed_events", g_.unnamed_severity);
    boolean(fr, "identify_unnamed_by_type", "framing.identify_unnamed_by_type", g_.identify_unnamed_by_type);
    if (fr.has("unterminated_final_event"))
      severity(fr.value("unterminated_final_event"), "framing.unterminated_final_event", g_.unterminated_severity);
    if (fr.has("forbidden")) load_forbidden(fr.value("forbidden"));
    if (fr.has("foreign")) load_foreign(fr.value("foreign"));
  }

  void load_forbidden(const YAML::Node& n) {
    if (!n.IsSequence()) {
      f_.error(n, "`framing.forbidden` must be a list of {data, message}");
      return;
    }
    for (const auto& item : n) {
      if (!map(item, "an entry of `framing.forbidden`")) continue;
      Fields fi(item, {"data", "message"}, f_, "framing.forbidden");
      ForbiddenFrame ff;
      ff.where = f_.at(item);
      if (fi.require("data")) read_string(fi.value("data"), f_, "data", ff.data);
      if (fi.require("message")) read_string(fi.value("message"), f_, "message", ff.message);
      g_.forbidden.push_back(ff);
    }
  }

  void load_foreign(const YAML::Node& n) {
    if (!n.IsSequence()) {
      f_.error(n, "`framing.foreign` must be a list of fingerprints");
      return;
    }
    for (const auto& item : n) {
      if (!map(item, "an entry of `framing.foreign`")) continue;
      Fields fi(item, {"id", "all_unnamed", "field", "equals", "last_data", "message", "message_without_last"}, f_,
                "framing.foreign");
      ForeignStream fs;
      fs.where = f_.at(item);
      if (fi.require("id")) read_string(fi.value("id"), f_, "id", fs.id);
      boolean(fi, "all_unnamed", "all_unnamed", fs.all_unnamed);
      if (fi.has("field")) path(fi.value("field"), "field", fs.field);
      if (fi.has("equals")) read_string(fi.value("equals"), f_, "equals", fs.equals);
      if (fi.has("field") != fi.has("equals"))
        f_.error(item, "`field` and `equals` go together in a foreign-stream fingerprint");
      if (fi.has("last_data")) read_string(fi.value("last_data"), f_, "last_data", fs.last_data);
      if (fi.require("message")) read_string(fi.value("message"), f_, "message", fs.message);
      if (fi.has("message_without_last"))
        read_string(fi.value("message_without_last"), f_, "message_without_last", fs.message_without_last);
      if (!fs.all_unnamed && fs.field.empty())
        f_.error(item, "a foreign-stream fingerprint needs `all_unnamed: true` or `field`/`equals`");
      g_.foreign.push_back(fs);
    }
  }

  void load_events(const YAML::Node& n) {
    if (!map(n, "`events`")) return;
    for (const auto& kv : n) {
      if (!kv.first.IsScalar()) {
        f_.error(kv.first, "an event name must be a plain word");
        continue;
      }
      EventRule r;
      r.name = kv.first.Scalar();
      r.where = f_.at(kv.first);
      if (g_.find_event(r.name)) {
        f_.error(kv.first, "event `" + r.name + "` is defined twice");
        continue;
      }
      load_event(kv.second, r);
      g_.events.push_back(std::move(r));
    }
  }

  void load_event(const YAML::Node& n, EventRule& r) {
    const std::string what = "events." + r.name;
    if (n.IsNull()) return;  // an event with no rule at all: allowed nowhere, reported if it comes
    if (!map(n, "`" + what + "`")) return;
    Fields ev(n, kEventKeys, f_, what);
    if (ev.has("after")) read_string_list(ev.value("after"), f_, what + ".after", r.after);
    boolean(ev, "anywhere", what + ".anywhere", r.anywhere);
    if (ev.has("to")) read_string(ev.value("to"), f_, what + ".to", r.to);
    boolean(ev, "terminal", what + ".terminal", r.terminal);
    if (ev.has("error")) {
      YAML::Node e = ev.value("error");
      r.error = true;
      if (map(e, "`" + what + ".error`")) {
        Fields ef(e, {"type", "message"}, f_, what + ".error");
        if (ef.has("type")) path(ef.value("type"), what + ".error.type", r.error_type);
        if (ef.has("message")) path(ef.value("message"), what + ".error.message", r.error_message);
      }
    }
    if (ev.has("severity")) {
      severity(ev.value("severity"), what + ".severity", r.error_severity);
      if (!ev.has("error")) f_.error(ev.key("severity"), "`severity` applies only to an `error` event");
    }
    if (ev.has("block")) {
      std::string role;
      YAML::Node b = ev.value("block");
      if (read_string(b, f_, what + ".block", role)) {
        if (role == "start") r.block = BlockRole::Start;
        else if (role == "delta") r.block = BlockRole::Delta;
        else if (role == "stop") r.block = BlockRole::Stop;
        else if (role == "closed") r.block = BlockRole::Closed;
        else if (role == "none") r.block = BlockRole::None;
        else f_.error(b, "`" + what + ".block` must be one of start, delta, stop, closed, none", did_you_mean(role, kRoles));
      }
    }
    boolean(ev, "content", what + ".content", r.content);
    if (ev.has("schema")) read_string(ev.value("schema"), f_, what + ".schema", r.schema);
    if (ev.has("checks")) load_checks(ev.value("checks"), what + ".checks", r.checks);
    if (ev.has("fold")) {
      bool block_ops = r.block == BlockRole::Delta;
      load_fold(ev.value("fold"), what + ".fold", block_ops, r.fold);
    }
    if (r.after.empty() && !r.anywhere)
      f_.error(n, "event `" + r.name + "` needs `after: [states]` or `anywhere: true`");
    if (r.terminal && !r.to.empty() && r.anywhere)
      f_.error(ev.key("to"), "an event allowed anywhere cannot change the state");
  }

  void load_checks(const YAML::Node& n, const std::string& what, std::vector<EventCheck>& out) {
    if (!n.IsSequence()) {
      f_.error(n, "`" + what + "` must be a list of {path, equals | type, message}");
      return;
    }
    for (const auto& item : n) {
      if (!map(item, "an entry of `" + what + "`")) continue;
      Fields cf(item, {"path", "equals", "type", "message"}, f_, what);
      EventCheck c;
      c.where = f_.at(item);
      if (cf.require("path")) path(cf.value("path"), what + ".path", c.path);
      if (cf.has("equals")) {
        c.has_equals = true;
        yaml_to_json(cf.value("equals"), f_, c.equals_json);
      }
      if (cf.has("type")) {
        read_string(cf.value("type"), f_, what + ".type", c.type);
        bool known = false;
        for (const auto& t : kTypes) known = known || t == c.type;
        if (!known) f_.error(cf.value("type"), "unknown JSON type `" + c.type + "`", did_you_mean(c.type, kTypes));
      }
      if (!cf.has("equals") && !cf.has("type")) f_.error(item, "a check needs `equals` or `type`");
      if (cf.require("message")) read_string(cf.value("message"), f_, what + ".message", c.message);
      out.push_back(c);
    }
  }

  void load_fold(const YAML::Node& n, const std::string& what, bool block_ops, std::vector<FoldOp>& out) {
    if (!n.IsSequence()) {
      f_.error(n, "`" + what + "` must be a list of operations like `- set: {from: a.b, to: c}`");
      return;
    }
    const auto& allowed = block_ops ? kBlockOps : kMessageOps;
    std::vector<std::string> all = kMessageOps;
    all.insert(all.end(), kBlockOps.begin(), kBlockOps.end());
    for (const auto& item : n) {
      if (!item.IsMap() || item.size() != 1) {
        f_.error(item, "a fold operation is a mapping with one key: " + list_choices(allowed));
        continue;
      }
      const auto kv = *item.begin();
      std::string op = kv.first.IsScalar() ? kv.first.Scalar() : "";
      FoldOp fo;
      fo.where = f_.at(kv.first);
      bool known = false;
      for (const auto& a : allowed) known = known || a == op;
      if (!known) {
        bool elsewhere = false;
        for (const auto& a : all) elsewhere = elsewhere || a == op;
        f_.error(kv.first,
                 elsewhere ? "`" + op + "` is not allowed here: " +
                                 (block_ops ? "a delta folds into the open block"
                                            : "an event folds into the message (block operations go under a delta type)")
                           : "unknown fold operation `" + op + "`",
                 did_you_mean(op, allowed));
        continue;
      }
      if (op == "init" || op == "push_block") {
        fo.kind = op == "init" ? FoldKind::Init : FoldKind::PushBlock;
        path(kv.second, what + "." + op, fo.from);
      } else {
        if (op == "set") fo.kind = FoldKind::Set;
        else if (op == "merge") fo.kind = FoldKind::Merge;
        else if (op == "append") fo.kind = FoldKind::Append;
        else if (op == "replace") fo.kind = FoldKind::Replace;
        else if (op == "push") fo.kind = FoldKind::Push;
        else fo.kind = FoldKind::Json;
        if (!map(kv.second, "`" + what + "." + op + "`")) continue;
        std::vector<std::string> keys = {"from", "to"};
        if (fo.kind == FoldKind::Json) keys.push_back("must_be");
        Fields of(kv.second, keys, f_, what + "." + op);
        if (of.require("from")) path(of.value("from"), what + "." + op + ".from", fo.from);
        if (of.require("to")) path(of.value("to"), what + "." + op + ".to", fo.to);
        if (of.has("must_be")) {
          read_string(of.value("must_be"), f_, "must_be", fo.must_be);
          bool t = false;
          for (const auto& k : kTypes) t = t || k == fo.must_be;
          if (!t) f_.error(of.value("must_be"), "unknown JSON type `" + fo.must_be + "`", did_you_mean(fo.must_be, kTypes));
        }
      }
      out.push_back(fo);
    }
  }

  void load_blocks(const YAML::Node& n) {
    if (!map(n, "`blocks`")) return;
    Fields bf(n, kBlockKeys, f_, "blocks");
    if (bf.require("index")) path(bf.value("index"), "blocks.index", g_.block_index);
    if (bf.has("type")) path(bf.value("type"), "blocks.type", g_.block_type);
    if (bf.has("delta_type")) path(bf.value("delta_type"), "blocks.delta_type", g_.delta_type);
    if (bf.has("types")) read_string_list(bf.value("types"), f_, "blocks.types", g_.block_types);
    if (bf.has("unknown_types")) policy(bf.value("unknown_types"), "blocks.unknown_types", g_.unknown_block_types);
    if (bf.has("unknown_deltas")) policy(bf.value("unknown_deltas"), "blocks.unknown_deltas", g_.unknown_deltas);
    if (bf.has("deltas")) {
      YAML::Node d = bf.value("deltas");
      if (!map(d, "`blocks.deltas`")) return;
      if (g_.delta_type.empty() || g_.block_type.empty())
        f_.error(bf.key("deltas"), "`blocks.deltas` needs `blocks.delta_type` and `blocks.type`");
      for (const auto& kv : d) {
        DeltaRule r;
        r.type = kv.first.IsScalar() ? kv.first.Scalar() : "";
        r.where = f_.at(kv.first);
        const std::string what = "blocks.deltas." + r.type;
        if (g_.find_delta(r.type)) {
          f_.error(kv.first, "delta type `" + r.type + "` is defined twice");
          continue;
        }
        if (!map(kv.second, "`" + what + "`")) continue;
        Fields df(kv.second, kDeltaKeys, f_, what);
        if (df.require("on", "the block types this delta may target, e.g. [text]")) {
          YAML::Node on = df.value("on");
          read_string_list(on, f_, what + ".on", r.on);
          if (!g_.block_types.empty()) {
            for (const auto& t : r.on)
              if (!g_.known_block_type(t))
                f_.error(on, "`" + t + "` is not one of `blocks.types`", did_you_mean(t, g_.block_types));
          }
        }
        if (df.has("schema")) read_string(df.value("schema"), f_, what + ".schema", r.schema);
        if (df.has("fold")) load_fold(df.value("fold"), what + ".fold", true, r.fold);
        g_.deltas.push_back(std::move(r));
      }
    }
  }

  void load_folded(const YAML::Node& n) {
    if (!map(n, "`folded`")) return;
    Fields ff(n, kFoldedKeys, f_, "folded");
    if (ff.has("content")) path(ff.value("content"), "folded.content", g_.content);
    if (ff.has("schema")) {
      read_string(ff.value("schema"), f_, "folded.schema", g_.folded_schema);
      g_.folded_schema_where = f_.at(ff.value("schema"));
    }
    if (ff.has("monotonic")) {
      YAML::Node m = ff.value("monotonic");
      if (!m.IsSequence()) {
        f_.error(m, "`folded.monotonic` must be a list of {path, message}");
        return;
      }
      for (const auto& item : m) {
        if (!map(item, "an entry of `folded.monotonic`")) continue;
        Fields mf(item, {"path", "message"}, f_, "folded.monotonic");
        MonotonicRule r;
        r.where = f_.at(item);
        if (mf.require("path")) path(mf.value("path"), "folded.monotonic.path", r.path);
        if (mf.require("message")) read_string(mf.value("message"), f_, "folded.monotonic.message", r.message);
        g_.monotonic.push_back(r);
      }
    }
  }

  bool known_state(const std::string& s) const {
    for (const auto& st : g_.states)
      if (st == s) return true;
    return false;
  }

  // References between sections, once everything is read.
  void cross_check(const YAML::Node& root, const Fields& top) {
    if (!g_.start.empty() && !g_.states.empty() && !known_state(g_.start))
      f_.error(top.value("start"), "start state `" + g_.start + "` is not one of `states`",
               did_you_mean(g_.start, g_.states));
    YAML::Node events = top.value("events");
    bool any_terminal = false, any_block = false, any_push = false;
    for (const auto& r : g_.events) {
      YAML::Node node = events.IsMap() ? events[r.name] : YAML::Node();
      for (const auto& s : r.after)
        if (!known_state(s))
          f_.error(node.IsMap() && node["after"] ? f_.at(node["after"]) : r.where,
                   "event `" + r.name + "`: state `" + s + "` is not one of `states`", did_you_mean(s, g_.states));
      if (!r.to.empty() && !known_state(r.to))
        f_.error(node.IsMap() && node["to"] ? f_.at(node["to"]) : r.where,
                 "event `" + r.name + "`: state `" + r.to + "` is not one of `states`", did_you_mean(r.to, g_.states));
      any_terminal = any_terminal || r.terminal;
      any_block = any_block || (r.block != BlockRole::None && r.block != BlockRole::Closed);
      for (const auto& op : r.fold) any_push = any_push || op.kind == FoldKind::PushBlock;
    }
    if (!g_.events.empty() && !any_terminal)
      f_.error(top.key("events"), "no event is `terminal: true`: the stream could never end properly");
    if (any_block && g_.block_index.empty())
      f_.error(top.key("events"), "events with a `block:` role need a `blocks:` section with `index`");
    if (any_push && g_.content.empty())
      f_.error(top.key("events"), "`push_block` needs `folded.content` (where blocks are appended)");
    (void)root;
  }

  YamlFile& f_;
  Grammar& g_;
};

}  // namespace

Diagnostics load_grammar_from_string(const std::string& yaml, const std::string& file_name,
                                     std::unique_ptr<Grammar>& out) {
  Diagnostics diags;
  YamlFile f(file_name, diags);
  auto docs = parse_yaml(yaml, f);
  if (!diags.empty()) return diags;
  if (docs.size() != 1) {
    f.error(SourceLocation{file_name, 1, 1}, "a grammar file holds exactly one YAML document");
    return diags;
  }
  auto g = std::make_unique<Grammar>();
  g->file = file_name;
  Loader(f, *g).load(docs[0]);
  // Sections are read in dependency order; report in file order, as a compiler would.
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.where.line != b.where.line ? a.where.line < b.where.line : a.where.column < b.where.column;
  });
  if (diags.empty()) out = std::move(g);
  return diags;
}

Diagnostics load_grammar(const std::string& path, std::unique_ptr<Grammar>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {Diagnostic{SourceLocation{path, 0, 0}, "cannot read the grammar file", "check the path"}};
  std::ostringstream text;
  text << in.rdbuf();
  return load_grammar_from_string(text.str(), path, out);
}

}  // namespace ac
