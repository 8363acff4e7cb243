#include "schema/explain.hpp"

#include <cmath>
#include <cstring>
#include <map>
#include <set>

#include "schema/pointer.hpp"
#include "schema/walk.hpp"
#include "util/join.hpp"
#include "util/json_render.hpp"
#include "util/utf8.hpp"

namespace ac {

using rapidjson::Value;

namespace {

struct Errors {
  std::vector<SchemaError> list;
  std::size_t cap;
  bool full() const { return list.size() >= cap; }
};

std::string quote(std::string_view s) { return "\"" + std::string(s) + "\""; }
std::string text_of(const Value& s) { return std::string(s.GetString(), s.GetStringLength()); }

std::string show_pointer(const std::string& p) { return p.empty() ? "(root)" : p; }

std::string format_number(double d) {
  if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  std::string s = std::to_string(d);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

// The explaining visitor: every failure the walk finds becomes a SchemaError naming the value's
// pointer, the keyword's place in the schema files, expected and actual; for anyOf/oneOf it
// explains each branch and reports the one that came closest. Which keywords fail is decided by
// the walk alone (schema/walk.hpp), the same as for the verdict.
class Explainer {
 public:
  Explainer(const SchemaBundle& bundle, std::size_t cap, Errors& out) : b_(bundle), cap_(cap), out_(&out) {}

  void explain(const SchemaNode& n, const Value& v) { enter(n, v); }

  // --- the visitor interface of walk_schema ---
  bool fail(const SchemaFailure& f) {
    report(f);
    return !out_->full();
  }
  bool descend(const SchemaNode& n, const Value& v) { return enter(n, v); }
  bool descend(const SchemaNode& n, const Value& v, rapidjson::SizeType index) {
    const std::size_t size = vp_.size();
    append_pointer_index(vp_, index);
    bool go_on = enter(n, v);
    vp_.resize(size);
    return go_on;
  }
  bool descend(const SchemaNode& n, const Value& v, const Value& name) {
    const std::size_t size = vp_.size();
    append_pointer_token(vp_, std::string_view(name.GetString(), name.GetStringLength()));
    bool go_on = enter(n, v);
    vp_.resize(size);
    return go_on;
  }
  bool no_branch(const char* kw, const SchemaNode& n, const std::vector<const SchemaNode*>& branches, const Value& v,
                 std::size_t matched) {
    alternatives(kw, n, branches, v, matched);
    return !out_->full();
  }

 private:
  static constexpr int kMaxDepth = 256;

  bool enter(const SchemaNode& n, const Value& v) {
    if (out_->full()) return false;
    if (depth_ > kMaxDepth) return true;
    ++depth_;
    walk_schema(n, v, *this);
    --depth_;
    return !out_->full();
  }

  // "anthropic/message.json#/definitions/x" (+ "/keyword"): where a keyword of `n` is written.
  std::string location(const SchemaNode& n, std::string_view at = {}, std::string_view then = {}) const {
    std::string path = b_.files[n.file] + "#" + n.pointer;
    if (!at.empty()) append_pointer_token(path, at);
    if (!then.empty()) append_pointer_token(path, then);
    return path;
  }

  void add(const std::string& vp, const char* keyword, std::string path, std::string expected, std::string actual,
           std::string message) {
    if (out_->full()) return;
    out_->list.push_back(SchemaError{vp, keyword, std::move(path), std::move(expected), std::move(actual), std::move(message)});
  }
  void add(const char* keyword, const SchemaNode& n, std::string expected, const Value& v, std::string message) {
    add(vp_, keyword, location(n, keyword), std::move(expected), render_json(v), std::move(message));
  }

  std::string child_pointer(std::string_view token) const {
    std::string p = vp_;
    append_pointer_token(p, token);
    return p;
  }

  void report(const SchemaFailure& f) {
    const SchemaNode& n = f.node;
    const Value& v = f.value;
    const std::string_view kw = f.keyword;
    if (kw == "false") {
      add(vp_, f.keyword, location(n), "no value here", render_json(v), "no value is allowed here");
    } else if (kw == "type") {
      std::string expected = type_names(n);
      add(f.keyword, n, expected, v, "expected " + expected + ", got " + json_type_name(v));
    } else if (kw == "enum") {
      std::string choices;
      for (const Value& e : n.enum_values->GetArray()) append_joined(choices, ", ", render_json(e, 60));
      choices = cut_utf8("one of " + choices, 200, "...");
      add(f.keyword, n, choices, v, render_json(v, 60) + " is not allowed here; expected " + choices);
    } else if (kw == "const") {
      add(f.keyword, n, render_json(*n.const_value), v,
          "expected " + render_json(*n.const_value, 80) + ", got " + render_json(v, 80));
    } else if (kw == "minimum" || kw == "maximum" || kw == "exclusiveMinimum" || kw == "exclusiveMaximum") {
      report_bound(f);
    } else if (kw == "multipleOf") {
      std::string expected = "a multiple of " + format_number(*n.multiple_of);
      add(f.keyword, n, expected, v, "expected " + expected + ", got " + render_json(v));
    } else if (kw == "minLength" || kw == "maxLength") {
      std::string expected = (kw == "minLength" ? "at least " + std::to_string(*n.min_length)
                                                : "at most " + std::to_string(*n.max_length)) + " characters";
      add(f.keyword, n, expected, v, "expected " + expected + ", got " + std::to_string(f.a));
    } else if (kw == "pattern") {
      std::string p = text_of(*n.pattern_text);
      add(f.keyword, n, "a string matching /" + p + "/", v, render_json(v, 80) + " does not match the pattern /" + p + "/");
    } else if (kw == "format") {
      std::string name = format_name(n.format);
      add(f.keyword, n, "a valid " + name, v, render_json(v, 80) + " is not a valid " + name);
    } else if (kw == "minItems" || kw == "maxItems") {
      std::string expected = (kw == "minItems" ? "at least " + std::to_string(*n.min_items)
                                               : "at most " + std::to_string(*n.max_items)) + " items";
      add(f.keyword, n, expected, v, "expected " + expected + ", got " + std::to_string(f.a));
    } else if (kw == "additionalItems") {
      std::string expected = "at most " + std::to_string(f.a) + " items";
      add(child_pointer(std::to_string(f.a)), f.keyword, location(n, kw), expected, render_json(*f.part),
          "expected " + expected + ", got " + std::to_string(f.b));
    } else if (kw == "uniqueItems") {
      add(f.keyword, n, "unique items", v,
          "items " + std::to_string(f.a) + " and " + std::to_string(f.b) + " are equal; items must be unique");
    } else if (kw == "contains") {
      add(f.keyword, n, "an item matching " + location(n, "contains"), v, "no item matches the `contains` schema");
    } else if (kw == "minProperties" || kw == "maxProperties") {
      std::string expected = (kw == "minProperties" ? "at least " + std::to_string(*n.min_properties)
                                                    : "at most " + std::to_string(*n.max_properties)) + " properties";
      add(f.keyword, n, expected, v, "expected " + expected + ", got " + std::to_string(f.a));
    } else if (kw == "required") {
      add(f.keyword, n, "property " + quote(text_of(*f.name)), v, "missing required property " + quote(text_of(*f.name)));
    } else if (kw == "additionalProperties") {
      std::string name = text_of(*f.name), allowed = allowed_names(n);
      add(child_pointer(name), f.keyword, location(n, kw), "no property " + quote(name) + " (allowed: " + allowed + ")",
          render_json(*f.part), "unexpected property " + quote(name) + "; allowed: " + allowed);
    } else if (kw == "dependencies") {
      std::string need = text_of(*f.name), has = text_of(*f.part);
      add(vp_, f.keyword, location(n, kw, has), "property " + quote(need) + " alongside " + quote(has), render_json(v),
          "property " + quote(has) + " requires property " + quote(need));
    } else if (kw == "not") {
      add(f.keyword, n, "a value that does not match " + location(n, "not"), v,
          "the value matches the schema under `not`, which it must not");
    }
  }

  void report_bound(const SchemaFailure& f) {
    const std::string_view kw = f.keyword;
    const SchemaNode& n = f.node;
    double limit = kw == "minimum" ? *n.minimum : kw == "maximum" ? *n.maximum
                 : kw == "exclusiveMinimum" ? *n.exclusive_minimum : *n.exclusive_maximum;
    const char* relation = kw == "minimum" ? ">=" : kw == "maximum" ? "<=" : kw == "exclusiveMinimum" ? ">" : "<";
    std::string expected = std::string("a number ") + relation + " " + format_number(limit);
    add(f.keyword, n, expected, f.value, "expected " + expected + ", got " + render_json(f.value));
  }

  // `type` as written: "string or null".
  static std::string type_names(const SchemaNode& n) {
    std::string expected;
    auto consider = [&](const Value& t) {
      if (t.IsString()) append_joined(expected, " or ", text_of(t));
    };
    if (n.type->IsArray()) {
      for (const Value& t : n.type->GetArray()) consider(t);
    } else {
      consider(*n.type);
    }
    return expected;
  }

  static std::string allowed_names(const SchemaNode& n) {
    if (n.properties.empty()) return "none";
    std::string names;
    for (const SchemaNode::Property& p : n.properties) {
      if (names.size() > 160) return names + ", ...";
      append_joined(names, ", ", text_of(*p.name));
    }
    return names;
  }

  struct Branch {
    Errors errors{{}, 0};
    std::size_t score = 0;
    std::string label;
    bool discriminated = false;  // a `const` property of the branch equals the value's
    bool contradicted = false;   // a `const` property of the branch differs from the value's
    std::map<std::string, const Value*> consts;
  };

  // Reads the `const` (or single-valued `enum`) properties of a branch: they are how a reader
  // tells branches apart ("type": "tool_use"), so they decide which branch the value meant.
  // `by_ref`: the branch is written as a `$ref`, whose definition's name can label it.
  static void read_discriminators(const SchemaNode& branch, bool by_ref, const Value& v, Branch& br) {
    if (branch.title) br.label = text_of(*branch.title);
    for (const SchemaNode::Property& p : branch.properties) {
      const SchemaNode& ps = *p.schema;
      const Value* c = ps.const_value;
      if (!c && ps.enum_values && ps.enum_values->Size() == 1) c = &(*ps.enum_values)[0];
      if (!c) continue;
      br.consts[text_of(*p.name)] = c;
      if (!v.IsObject()) continue;
      auto have = v.FindMember(*p.name);
      if (have == v.MemberEnd()) continue;
      (instances_equal(*c, have->value) ? br.discriminated : br.contradicted) = true;
    }
    std::vector<std::string> tokens;
    if (br.label.empty() && by_ref && split_pointer(branch.pointer, tokens) && !tokens.empty())
      br.label = tokens.back();  // the definition its `$ref` names
    if (br.label.empty()) {
      auto t = br.consts.find("type");
      if (t != br.consts.end()) br.label = "type " + render_json(*t->second, 60);
    }
  }

  void alternatives(const char* kw, const SchemaNode& n, const std::vector<const SchemaNode*>& branches, const Value& v,
                    std::size_t matched) {
    const std::size_t count = branches.size();
    auto branch_name = [&](std::size_t i) { return "#/" + std::string(kw) + "/" + std::to_string(i); };
    if (matched > 1) {
      std::string list;
      std::size_t passing = 0;
      for (std::size_t i = 0; i < count; ++i) {
        if (!schema_valid(*branches[i], v)) continue;
        append_joined(list, ", ", branch_name(i));
        ++passing;
      }
      add(kw, n, "exactly one matching branch", v,
          "the value matches " + std::to_string(passing) + " branches of oneOf (" + list + "); exactly one must match");
      return;
    }
    std::vector<Branch> br(count);
    Errors* outer = out_;
    for (std::size_t i = 0; i < count; ++i) {
      br[i].errors.cap = cap_;
      out_ = &br[i].errors;
      descend(*branches[i], v);
      dedupe_schema_errors(br[i].errors.list);
    }
    out_ = outer;
    if (report_type_union(kw, n, br, v)) return;
    for (std::size_t i = 0; i < count; ++i) {
      std::string written = n.pointer;
      append_pointer_token(written, kw);
      append_pointer_index(written, i);
      // A compiled branch that is not where the branch is written was reached through a `$ref`.
      read_discriminators(*branches[i], branches[i]->file != n.file || branches[i]->pointer != written, v, br[i]);
      br[i].score = br[i].errors.list.size();
      // A branch that wants another type altogether is the least likely meaning.
      for (const SchemaError& e : br[i].errors.list) {
        if (e.pointer == vp_ && e.keyword == "type") br[i].score += 1000;
      }
      if (br[i].contradicted) br[i].score += 100;
    }
    if (report_unknown_discriminator(kw, n, br, v)) return;
    std::size_t best = 0;
    bool any_discriminated = false;
    for (std::size_t i = 0; i < count; ++i) any_discriminated = any_discriminated || (br[i].discriminated && !br[i].contradicted);
    for (std::size_t i = 0; i < count; ++i) {
      bool eligible = !any_discriminated || (br[i].discriminated && !br[i].contradicted);
      bool best_eligible = !any_discriminated || (br[best].discriminated && !br[best].contradicted);
      if (eligible && (!best_eligible || br[i].score < br[best].score)) best = i;
    }
    const std::vector<SchemaError>& errs = br[best].errors.list;
    std::string name = branch_name(best);
    if (!br[best].label.empty()) name += " (" + br[best].label + ")";
    std::string message = std::string("no branch of ") + kw + " matched; closest is " + name;
    if (!errs.empty()) {
      message += ": " + show_pointer(errs[0].pointer) + ": " + errs[0].message;
      if (errs.size() > 1) message += " (and " + std::to_string(errs.size() - 1) + " more)";
    }
    std::string expected;
    for (std::size_t i = 0; i < count; ++i) append_joined(expected, ", ", br[i].label.empty() ? branch_name(i) : br[i].label);
    add(kw, n, "one of: " + expected, v, message);
    for (const SchemaError& e : errs) {
      if (out_->full()) break;
      out_->list.push_back(e);
    }
  }

  // `anyOf: [{type: string}, {type: null}]` (how generated schemas say "nullable") fails as one
  // type error: "expected string or null, got integer", not as a search for the closest branch.
  bool report_type_union(const char* kw, const SchemaNode& n, const std::vector<Branch>& br, const Value& v) {
    std::string expected;
    for (const Branch& b : br) {
      const auto& errs = b.errors.list;
      if (errs.size() != 1 || errs[0].pointer != vp_ || errs[0].keyword != "type") return false;
      append_joined(expected, " or ", errs[0].expected);
    }
    add(vp_, "type", location(n, kw), expected, render_json(v), "expected " + expected + ", got " + json_type_name(v));
    return true;
  }

  // When every branch fixes the same property to a constant (e.g. "type") and the value's is none
  // of them, the honest report is "unknown type", not the errors of an arbitrary branch.
  bool report_unknown_discriminator(const char* kw, const SchemaNode& n, const std::vector<Branch>& br, const Value& v) {
    if (!v.IsObject()) return false;
    for (const Branch& b : br) {
      if (b.discriminated && !b.contradicted) return false;
    }
    std::string prop;
    for (const auto& c : br[0].consts) {
      bool in_all = true;
      for (const Branch& b : br) in_all = in_all && b.consts.count(c.first);
      if (in_all && (prop.empty() || c.first == "type")) prop = c.first;
    }
    if (prop.empty()) return false;
    auto have = v.FindMember(prop.c_str());
    if (have == v.MemberEnd()) return false;  // without it, the closest branch says it is missing
    std::set<std::string> seen;
    std::string choices;
    for (const Branch& b : br) {
      std::string c = render_json(*b.consts.at(prop), 60);
      if (seen.insert(c).second) append_joined(choices, ", ", c);
    }
    add(child_pointer(prop), kw, location(n, kw), "one of " + choices, render_json(have->value),
        "unknown " + prop + " " + render_json(have->value, 60) + "; expected one of " + choices);
    return true;
  }

  const SchemaBundle& b_;
  std::size_t cap_;
  Errors* out_;          // where errors go: the caller's list, or a oneOf/anyOf branch's own
  std::string vp_;       // the pointer of the value being explained
  int depth_ = 0;
};

}  // namespace

std::string render_json(const Value& value, std::size_t limit) { return json_excerpt(value, limit, "..."); }

void dedupe_schema_errors(std::vector<SchemaError>& errors) {
  std::set<std::string> seen;
  std::vector<SchemaError> kept;
  for (SchemaError& e : errors) {
    std::string key = e.pointer + '\0' + e.keyword;
    if (e.keyword == "required" || e.keyword == "dependencies") key += '\0' + e.expected;
    if (seen.insert(key).second) kept.push_back(std::move(e));
  }
  errors.swap(kept);
}

std::vector<SchemaError> explain_schema_errors(const SchemaBundle& bundle, const SchemaNode& schema, const Value& value,
                                               std::size_t max_errors) {
  Errors out{{}, max_errors * 4};  // dedupe below shrinks the list; cap again after it
  Explainer(bundle, max_errors, out).explain(schema, value);
  dedupe_schema_errors(out.list);
  if (out.list.size() > max_errors) out.list.resize(max_errors);
  return std::move(out.list);
}

}  // namespace ac
