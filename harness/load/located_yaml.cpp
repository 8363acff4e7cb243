#include "load/located_yaml.hpp"

#include "load/yaml_documents.hpp"
#include "util/suggest.hpp"

namespace ac {

SourceLocation YamlFile::at(const YAML::Mark& mark) const {
  SourceLocation where;
  where.file = file_;
  if (mark.line >= 0 && mark.column >= 0) {  // yaml-cpp marks are 0-based; -1 means unknown
    where.line = mark.line + 1;
    where.column = mark.column + 1;
  }
  return where;
}

SourceLocation YamlFile::at(const YAML::Node& node) const {
  if (!node.IsDefined()) return at(YAML::Mark::null_mark());
  const YAML::Mark mark = node.Mark();
  const auto range = empty_values_.equal_range(mark.pos);
  for (auto it = range.first; it != range.second; ++it)
    if (it->second.first.is(node)) return at(it->second.second);
  return at(mark);
}

void YamlFile::place_empty_value(const YAML::Node& value, const YAML::Node& key) {
  if (value.IsNull() && value.Scalar().empty()) empty_values_.emplace(value.Mark().pos, std::make_pair(value, key.Mark()));
}

void YamlFile::error(const SourceLocation& where, std::string message, std::string hint) {
  diags_.push_back(Diagnostic{where, std::move(message), std::move(hint)});
}

SourceLocation YamlFile::at_inside(const YAML::Node& scalar, std::size_t occurrence, const std::string& needle) const {
  SourceLocation where = at(scalar);
  const YAML::Mark mark = scalar.Mark();
  if (!text_ || !scalar.IsScalar() || mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_->size()) return where;
  // Escapes may lengthen the source; they never create or remove a `{{`.
  const std::size_t start = static_cast<std::size_t>(mark.pos);
  const std::size_t limit = std::min(text_->size(), start + scalar.Scalar().size() * 4 + 8);
  std::size_t found = text_->find(needle, start);
  for (std::size_t i = 0; i < occurrence && found != std::string::npos; ++i) found = text_->find(needle, found + needle.size());
  if (found == std::string::npos || found + needle.size() > limit) return where;
  int line = mark.line, column = mark.column;
  for (std::size_t i = start; i < found; ++i) {
    if ((*text_)[i] == '\n') ++line, column = 0;
    else ++column;
  }
  YAML::Mark inside;
  inside.pos = static_cast<int>(found);
  inside.line = line;
  inside.column = column;
  return at(inside);
}

std::vector<YAML::Node> parse_yaml(const std::string& text, YamlFile& f) {
  f.set_text(text);
  try {
    return load_documents(text);
  } catch (const YAML::ParserException& e) {
    f.error(f.at(e.mark), "YAML syntax error: " + e.msg);
  } catch (const std::exception& e) {
    // Out of memory, or a yaml-cpp node operation failing: no mark.
    f.error(f.at(YAML::Mark()), std::string("YAML syntax error: ") + e.what());
  }
  return {};
}

Fields::Fields(const YAML::Node& map, const std::vector<std::string>& allowed, YamlFile& f, const std::string& what)
    : map_(map), f_(f), what_(what) {
  if (!map.IsMap()) return;
  for (const auto& kv : map) {
    if (!kv.first.IsScalar()) {
      f.error(kv.first, "a key in `" + what + "` must be a plain word");
      continue;
    }
    const std::string name = kv.first.Scalar();
    if (const Entry* first = find(name)) {
      f.error(kv.first, "`" + name + "` is given twice in `" + what + "`",
              "the first one is at line " + std::to_string(f.at(first->key).line));
      continue;
    }
    bool known = false;
    for (const auto& a : allowed) known = known || a == name;
    if (!known) {
      f.error(kv.first, "unknown key `" + name + "` in `" + what + "`", did_you_mean(name, allowed));
      continue;
    }
    f.place_empty_value(kv.second, kv.first);
    entries_.push_back(Entry{name, kv.first, kv.second});
  }
}

const Fields::Entry* Fields::find(const std::string& key) const {
  for (const auto& e : entries_)
    if (e.name == key) return &e;
  return nullptr;
}

YAML::Node Fields::value(const std::string& key) const {
  const Entry* e = find(key);
  return e ? e->value : YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node Fields::key(const std::string& key) const {
  const Entry* e = find(key);
  return e ? e->key : YAML::Node(YAML::NodeType::Undefined);
}

bool Fields::require(const std::string& key, const std::string& hint) {
  if (has(key)) return true;
  f_.error(map_, "`" + what_ + "` needs `" + key + "`", hint);
  return false;
}

bool is_plain(const YAML::Node& node) { return node.IsDefined() && node.Tag() == "?"; }

bool is_null(const YAML::Node& node) { return node.IsDefined() && node.IsNull(); }

namespace {

void walk_scalars(const YAML::Node& node, const std::function<void(const YAML::Node&)>& visit, int depth) {
  if (depth > 200) return;
  if (node.IsScalar()) {
    visit(node);
  } else if (node.IsSequence()) {
    for (const auto& item : node) walk_scalars(item, visit, depth + 1);
  } else if (node.IsMap()) {
    for (const auto& kv : node) {
      walk_scalars(kv.first, visit, depth + 1);
      walk_scalars(kv.second, visit, depth + 1);
    }
  }
}

}  // namespace

void for_each_scalar(const YAML::Node& node, const std::function<void(const YAML::Node&)>& visit) {
  walk_scalars(node, visit, 0);
}

bool read_string(const YAML::Node& v, YamlFile& f, const std::string& what, std::string& out) {
  if (!v.IsScalar()) {
    f.error(v, "`" + what + "` must be a string");
    return false;
  }
  out = v.Scalar();
  return true;
}

bool read_int(const YAML::Node& v, YamlFile& f, const std::string& what, std::int64_t min, std::int64_t max,
              std::int64_t& out) {
  std::string json;
  bool ok = v.IsScalar() && is_plain(v) && yaml_int_to_json(v.Scalar(), json) && json.size() < 19;
  if (ok) {
    out = std::stoll(json);
    ok = out >= min && out <= max;
  }
  if (!ok) {
    f.error(v, "`" + what + "` must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return false;
  }
  return true;
}

bool read_number(const YAML::Node& v, YamlFile& f, const std::string& what, double min, double& out) {
  std::string json;
  bool ok = v.IsScalar() && is_plain(v) && yaml_number_to_json(v.Scalar(), json);
  if (ok) {
    out = std::strtod(json.c_str(), nullptr);
    ok = out >= min;
  }
  if (!ok) {
    f.error(v, "`" + what + "` must be a number" + (min == 0 ? " not below 0" : ""));
    return false;
  }
  return true;
}

bool read_bool(const YAML::Node& v, YamlFile& f, const std::string& what, bool& out) {
  if (v.IsScalar() && is_plain(v) && yaml_bool(v.Scalar(), out)) return true;
  f.error(v, "`" + what + "` must be true or false");
  return false;
}

bool read_string_list(const YAML::Node& v, YamlFile& f, const std::string& what, std::vector<std::string>& out) {
  if (v.IsScalar() && !is_null(v)) {
    out.push_back(v.Scalar());
    return true;
  }
  if (!v.IsSequence()) {
    f.error(v, "`" + what + "` must be a list of strings");
    return false;
  }
  bool ok = true;
  for (const auto& item : v) {
    if (!item.IsScalar() || is_null(item)) {
      f.error(item, "each item of `" + what + "` must be a string");
      ok = false;
      continue;
    }
    out.push_back(item.Scalar());
  }
  return ok;
}

}  // namespace ac
