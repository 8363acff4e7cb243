#include "stream/grammar.hpp"

namespace ac {

const char* to_string(Policy p) {
  switch (p) {
    case Policy::Fail: return "fail";
    case Policy::Warn: return "warn";
    case Policy::Ignore: return "ignore";
  }
  return "fail";
}

const char* to_string(FoldKind k) {
  switch (k) {
    case FoldKind::Init: return "init";
    case FoldKind::PushBlock: return "push_block";
    case FoldKind::Set: return "set";
    case FoldKind::Merge: return "merge";
    case FoldKind::Append: return "append";
    case FoldKind::Replace: return "replace";
    case FoldKind::Push: return "push";
    case FoldKind::Json: return "json";
  }
  return "?";
}

const EventRule* Grammar::find_event(std::string_view name) const {
  for (const auto& e : events)
    if (e.name == name) return &e;
  return nullptr;
}

const DeltaRule* Grammar::find_delta(std::string_view type) const {
  for (const auto& d : deltas)
    if (d.type == type) return &d;
  return nullptr;
}

bool Grammar::known_block_type(std::string_view type) const {
  for (const auto& t : block_types)
    if (t == type) return true;
  return false;
}

std::vector<std::string> Grammar::allowed_in(const std::string& state, bool terminal_only) const {
  std::vector<std::string> out;
  for (const auto& e : events) {
    if (terminal_only && (!e.terminal || e.error)) continue;
    bool ok = e.anywhere;
    for (const auto& s : e.after) ok = ok || s == state;
    if (ok) out.push_back(e.name);
  }
  return out;
}

std::vector<std::pair<std::string, SourceLocation>> Grammar::schema_refs() const {
  std::vector<std::pair<std::string, SourceLocation>> out;
  for (const auto& e : events)
    if (!e.schema.empty()) out.emplace_back(e.schema, e.where);
  for (const auto& d : deltas)
    if (!d.schema.empty()) out.emplace_back(d.schema, d.where);
  if (!folded_schema.empty()) out.emplace_back(folded_schema, folded_schema_where);
  return out;
}

}  // namespace ac
