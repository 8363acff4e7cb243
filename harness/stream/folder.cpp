#include "stream/folder.hpp"
#include "util/json_render.hpp"

#include <rapidjson/error/en.h>

namespace ac {

namespace {
std::string number_text(double v) {
  if (v == static_cast<double>(static_cast<long long>(v))) return std::to_string(static_cast<long long>(v));
  return std::to_string(v);
}
}  // namespace

std::string EventLabel::text() const {
  std::string s = "event " + std::to_string(index);
  if (!name.empty()) {
    s += " (";
    s.append(name.data(), name.size());
    s += ")";
  }
  return s;
}

Folder::Folder(const Grammar& g, FindingCollector& out, std::size_t max_text_bytes)
    : g_(g), out_(out), max_text_bytes_(max_text_bytes) {
  last_monotonic_.assign(g.monotonic.size(), 0);
  has_monotonic_.assign(g.monotonic.size(), false);
}

void Folder::fold_problem(const EventLabel& ev, const std::string& key, const std::string& message,
                          Severity severity, const std::string& pointer) {
  Finding f;
  f.check = "stream-fold";
  f.pointer = pointer.empty() ? ev.pointer() : pointer;
  f.message = ev.text() + ": " + message;
  f.severity = severity;
  out_.add("fold:" + key, std::move(f));
}

std::string Folder::block_pointer() const {
  return "/folded" + g_.content.pointer() + "/" + std::to_string(open_);
}

rapidjson::Value* Folder::open_block() {
  if (open_ == kNone || !message_.IsObject()) return nullptr;
  rapidjson::Value* content = resolve(g_.content, message_);
  if (!content || !content->IsArray() || open_ >= content->Size()) return nullptr;
  return &(*content)[static_cast<rapidjson::SizeType>(open_)];
}

void Folder::event_ops(const std::vector<FoldOp>& ops, const rapidjson::Value& data, const EventLabel& ev) {
  if (ops.empty()) return;  // only folding can change a monotonic value
  auto& a = message_.GetAllocator();
  for (const auto& op : ops) {
    const rapidjson::Value* from = resolve(op.from, data);
    switch (op.kind) {
      case FoldKind::Init:
        if (message_.IsObject()) break;  // a second start is an order problem, reported by the grammar
        if (!from || !from->IsObject()) {
          fold_problem(ev, "init", "no `" + op.from.text + "` object to start the message from");
          break;
        }
        message_.CopyFrom(*from, a);
        break;
      case FoldKind::PushBlock: {
        if (!message_.IsObject()) break;  // no message to add to: the missing start is reported
        rapidjson::Value& content = make_path(g_.content, message_, a);
        if (!content.IsArray()) content.SetArray();
        rapidjson::Value block;
        if (from) block.CopyFrom(*from, a);
        else fold_problem(ev, "push", "no `" + op.from.text + "` to add as a block");
        content.PushBack(block, a);
        open_ = content.Size() - 1;
        ++blocks_;
        pending_.clear();
        break;
      }
      case FoldKind::Set:
        if (!message_.IsObject() || !from) break;
        make_path(op.to, message_, a).CopyFrom(*from, a);
        break;
      case FoldKind::Merge: {
        if (!message_.IsObject() || !from) break;
        if (!from->IsObject()) {
          fold_problem(ev, "merge", "`" + op.from.text + "` is " + json_type_name(*from) + ", not an object to merge");
          break;
        }
        rapidjson::Value& target = make_path(op.to, message_, a);
        if (!target.IsObject()) target.SetObject();
        // Overwrite (never add up) each counter that is present and not null, like the SDKs.
        for (auto m = from->MemberBegin(); m != from->MemberEnd(); ++m) {
          if (m->value.IsNull()) continue;
          auto t = target.FindMember(m->name);
          if (t != target.MemberEnd()) t->value.CopyFrom(m->value, a);
          else target.AddMember(rapidjson::Value(m->name, a), rapidjson::Value(m->value, a), a);
        }
        break;
      }
      default:
        break;  // block operations are rejected by the loader at event level
    }
  }
  check_monotonic(ev);
}

void Folder::check_monotonic(const EventLabel& ev) {
  if (!message_.IsObject()) return;
  for (std::size_t i = 0; i < g_.monotonic.size(); ++i) {
    const auto& rule = g_.monotonic[i];
    const rapidjson::Value* v = resolve(rule.path, message_);
    if (!v || !v->IsNumber()) continue;  // presence and type are the schemas' business
    double now = v->GetDouble();
    if (has_monotonic_[i] && now < last_monotonic_[i]) {
      Finding f;
      f.check = "stream-fold";
      f.pointer = ev.pointer() + "/data" + rule.path.pointer();
      f.expected = ">= " + number_text(last_monotonic_[i]);
      f.actual = json_excerpt(*v, 80, "...");
      f.message = ev.text() + ": " + rule.path.text + " went down from " + f.expected.substr(3) + " to " + f.actual +
                  ": " + rule.message;
      out_.add("monotonic:" + rule.path.text, std::move(f));
    }
    last_monotonic_[i] = now;
    has_monotonic_[i] = true;
  }
}

Folder::Pending& Folder::pending_for(const FoldOp& op) {
  for (auto& p : pending_)
    if (p.op == &op || p.op->to.text == op.to.text) return p;
  pending_.push_back(Pending{&op, {}, false});
  Pending& p = pending_.back();
  // Appends continue the block's initial value (text: "" at start, or a prefilled string).
  if (op.kind == FoldKind::Append) {
    if (rapidjson::Value* block = open_block()) {
      const rapidjson::Value* init = resolve(op.to, *block);
      if (init && init->IsString()) p.text.assign(init->GetString(), init->GetStringLength());
    }
  }
  return p;
}

void Folder::block_ops(const std::vector<FoldOp>& ops, const rapidjson::Value& data, const EventLabel& ev) {
  rapidjson::Value* block = open_block();
  if (!block) return;  // the lifecycle problem (no open block) is reported by the judge
  auto& a = message_.GetAllocator();
  for (const auto& op : ops) {
    const rapidjson::Value* from = resolve(op.from, data);
    if (!from) continue;  // a missing field is reported by the delta's schema
    if (op.kind == FoldKind::Push) {
      rapidjson::Value& arr = make_path(op.to, *block, a);
      if (!arr.IsArray()) arr.SetArray();
      arr.PushBack(rapidjson::Value(*from, a), a);
      continue;
    }
    if (!from->IsString()) {
      fold_problem(ev, std::string(to_string(op.kind)) + ":" + op.from.text,
                   "`" + op.from.text + "` is " + json_type_name(*from) + ", not a string to " + to_string(op.kind));
      continue;
    }
    Pending& p = pending_for(op);
    p.seen = true;
    std::size_t n = from->GetStringLength();
    if (op.kind == FoldKind::Replace) {
      p.text.assign(from->GetString(), n);
      continue;
    }
    if (text_bytes_ + n > max_text_bytes_) {
      if (!over_text_cap_)
        fold_problem(ev, "text-cap",
                     "the folded text passed " + std::to_string(max_text_bytes_) +
                         " bytes; the rest is counted, not kept (checks on this block's text are incomplete)",
                     Severity::Warning);
      over_text_cap_ = true;
      p.truncated = true;
      continue;
    }
    text_bytes_ += n;
    p.text.append(from->GetString(), n);
  }
}

void Folder::finish_json(Pending& p, rapidjson::Value& block, const EventLabel& ev) {
  auto& a = message_.GetAllocator();
  const std::string where = block_pointer() + p.op->to.pointer();
  rapidjson::Document parsed(&a);
  // All-empty fragments mean an empty input: the documented equivalent of {} (reference §5.2).
  static const std::string kEmptyObject = "{}";
  const std::string& text = p.text.empty() ? kEmptyObject : p.text;
  parsed.Parse(text.data(), text.size());
  if (parsed.HasParseError()) {
    std::size_t off = parsed.GetErrorOffset();
    std::size_t from = off > 30 ? off - 30 : 0;
    fold_problem(ev, "json-parse",
                 "the concatenated `" + p.op->from.text + "` of block " + std::to_string(open_) + " (" +
                     std::to_string(p.text.size()) + " bytes) is not valid JSON: " +
                     rapidjson::GetParseError_En(parsed.GetParseError()) + " at offset " + std::to_string(off) +
                     " near \"" + text.substr(from, 60) + "\"",
                 Severity::Breaking, where);
    return;
  }
  if (!p.op->must_be.empty() && p.op->must_be != json_type_name(parsed)) {
    fold_problem(ev, "json-type",
                 "the concatenated `" + p.op->from.text + "` of block " + std::to_string(open_) + " parses to " +
                     json_type_name(parsed) + ", not " + p.op->must_be,
                 Severity::Breaking, where);
    return;
  }
  make_path(p.op->to, block, a).CopyFrom(parsed, a);
}

void Folder::close_block(const EventLabel& ev) {
  rapidjson::Value* block = open_block();
  if (block) {
    auto& a = message_.GetAllocator();
    for (auto& p : pending_) {
      if (!p.seen) continue;
      if (p.op->kind == FoldKind::Json && p.truncated) continue;  // cannot be parsed; the cap was reported
      if (p.op->kind == FoldKind::Json) {
        finish_json(p, *block, ev);
      } else {
        make_path(p.op->to, *block, a).SetString(p.text.data(), static_cast<rapidjson::SizeType>(p.text.size()), a);
      }
    }
  }
  pending_.clear();
  open_ = kNone;
}

}  // namespace ac
