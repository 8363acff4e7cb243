#include "schema/explain.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include <rapidjson/writer.h>

#include "schema/pointer.hpp"
#include "util/join.hpp"
#include "util/json_render.hpp"
#include "util/utf8.hpp"

namespace ac {

using rapidjson::Value;

namespace {

// Where a keyword sits in the schema files.
struct Loc {
  std::size_t file = 0;
  std::string ptr;
  Loc child(std::string_view token) const {
    Loc l = *this;
    append_pointer_token(l.ptr, token);
    return l;
  }
  Loc child(std::size_t index) const {
    Loc l = *this;
    append_pointer_index(l.ptr, index);
    return l;
  }
};

struct Errors {
  std::vector<SchemaError> list;
  std::size_t cap;
  bool full() const { return list.size() >= cap; }
};

std::string quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string child_pointer(const std::string& base, std::string_view token) {
  std::string p = base;
  append_pointer_token(p, token);
  return p;
}

std::string show_pointer(const std::string& p) { return p.empty() ? "(root)" : p; }

std::string format_number(double d) {
  if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  std::string s = std::to_string(d);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

std::size_t utf8_length(const Value& s) {
  std::size_t n = 0;
  for (rapidjson::SizeType i = 0; i < s.GetStringLength(); ++i) {
    if ((static_cast<unsigned char>(s.GetString()[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

const Value* member(const Value& obj, const char* name) {
  if (!obj.IsObject()) return nullptr;
  auto it = obj.FindMember(name);
  return it == obj.MemberEnd() ? nullptr : &it->value;
}

bool type_matches(std::string_view type, const Value& v) {
  if (type == "integer") return v.IsInt64() || v.IsUint64();
  if (type == "number") return v.IsNumber();
  if (type == "string") return v.IsString();
  if (type == "object") return v.IsObject();
  if (type == "array") return v.IsArray();
  if (type == "boolean") return v.IsBool();
  if (type == "null") return v.IsNull();
  return false;
}

class Explainer {
 public:
  Explainer(const SchemaBundle& bundle, std::size_t cap) : b_(bundle), cap_(cap) {}

  void check(const Value& schema, const Loc& loc, const Value& v, const std::string& vp, Errors& out, int depth) {
    if (out.full() || depth > kMaxDepth) return;
    if (schema.IsBool()) {
      if (!schema.GetBool()) add(out, vp, "false", loc, "", "no value here", render_json(v), "no value is allowed here");
      return;
    }
    if (!schema.IsObject()) return;
    if (const Value* ref = member(schema, "$ref")) {
      Loc target;
      if (const Value* s = follow(*ref, target)) check(*s, target, v, vp, out, depth + 1);
      return;
    }
    if (check_type(schema, loc, v, vp, out)) {
      check_enum_const(schema, loc, v, vp, out);
    }
    if (v.IsNumber()) check_number(schema, loc, v, vp, out);
    if (v.IsString()) check_string(schema, loc, v, vp, out);
    if (v.IsArray()) check_array(schema, loc, v, vp, out, depth);
    if (v.IsObject()) check_object(schema, loc, v, vp, out, depth);
    check_combinators(schema, loc, v, vp, out, depth);
  }

 private:
  static constexpr int kMaxDepth = 256;

  void add(Errors& out, const std::string& vp, const char* keyword, const Loc& loc, std::string_view at,
           std::string expected, std::string actual, std::string message) {
    if (out.full()) return;
    std::string path = b_.files[loc.file] + "#" + loc.ptr;
    if (!at.empty()) append_pointer_token(path, at);
    out.list.push_back(SchemaError{vp, keyword, std::move(path), std::move(expected), std::move(actual), std::move(message)});
  }

  // Follows a rewritten "$ref" to its schema; nullptr when it was left unresolved at load.
  const Value* follow(const Value& ref, Loc& target) const {
    if (!ref.IsString()) return nullptr;
    std::size_t file = 0;
    std::string ptr;
    if (!decode_bundle_ref(ref.GetString(), ref.GetStringLength(), file, ptr) || file >= b_.files.size()) return nullptr;
    target = Loc{file, ptr};
    return resolve_pointer(b_.file_root(file), ptr);
  }

  // The schema behind a chain of $refs, and the name of the last definition it went through.
  const Value* resolve_refs(const Value* s, Loc& loc, std::string& name) const {
    for (int i = 0; i < 32 && s && s->IsObject(); ++i) {
      const Value* ref = member(*s, "$ref");
      if (!ref) break;
      s = follow(*ref, loc);
      std::vector<std::string> tokens;
      if (split_pointer(loc.ptr, tokens) && !tokens.empty()) name = tokens.back();
    }
    return s;
  }

  bool valid(const Value& schema, const Loc& loc, const Value& v, const std::string& vp, int depth) {
    Errors probe{{}, 1};
    check(schema, loc, v, vp, probe, depth + 1);
    return probe.list.empty();
  }

  bool check_type(const Value& schema, const Loc& loc, const Value& v, const std::string& vp, Errors& out) {
    const Value* type = member(schema, "type");
    if (!type) return true;
    std::string expected;
    bool ok = false;
    auto consider = [&](const Value& t) {
      if (!t.IsString()) return;
      append_joined(expected, " or ", t.GetString());
      ok = ok || type_matches(t.GetString(), v);
    };
    if (type->IsArray()) {
      for (const Value& t : type->GetArray()) consider(t);
    } else {
      consider(*type);
    }
    if (ok || expected.empty()) return true;
    add(out, vp, "type", loc, "type", expected, render_json(v), "expected " + expected + ", got " + json_type_name(v));
    return false;
  }

  void check_enum_const(const Value& schema, const Loc& loc, const Value& v, const std::string& vp, Errors& out) {
    if (const Value* en = member(schema, "enum"); en && en->IsArray()) {
      bool found = false;
      for (const Value& e : en->GetArray()) found = found || e == v;
      if (!found) {
        std::string choices;
        for (const Value& e : en->GetArray()) append_joined(choices, ", ", render_json(e, 60));
        choices = "one of " + choices;
        choices = cut_utf8(choices, 200, "...");
        add(out, vp, "enum", loc, "enum", choices, render_json(v), render_json(v, 60) + " is not allowed here; expected " + choices);
      }
    }
    if (const Value* c = member(schema, "const"); c && !(*c == v)) {
      add(out, vp, "const", loc, "const", render_json(*c), render_json(v),
          "expected " + render_json(*c, 80) + ", got " + render_json(v, 80));
    }
  }

  void check_number(const Value& schema, const Loc& loc, const Value& v, const std::string& vp, Errors& out) {
    double x = v.GetDouble();
    auto bound = [&](const char* kw, bool fails, const char* relation) {
      const Value* limit = member(schema, kw);
      if (!limit || !limit->IsNumber() || !fails) return;
      std::string expected = std::string("a number ") + relation + " " + format_number(limit->GetDouble());
      add(out, vp, kw, loc, kw, expected, render_json(v), "expected " + expected + ", got " + render_json(v));
    };
    auto lim = [&](const char* kw) { const Value* l = member(schema, kw); return l && l->IsNumber() ? l->GetDouble() : 0.0; };
    bound("minimum", x < lim("minimum"), ">=");
    bound("maximum", x > lim("maximum"), "<=");
    bound("exclusiveMinimum", x <= lim("exclusiveMinimum"), ">");
    bound("exclusiveMaximum", x >= lim("exclusiveMaximum"), "<");
    if (const Value* m = member(schema, "multipleOf"); m && m->IsNumber() && m->GetDouble() > 0) {
      double q = x / m->GetDouble();
      if (std::fabs(q - std::round(q)) > 1e-9 * std::max(1.0, std::fabs(q))) {
        std::string expected = "a multiple of " + format_number(m->GetDouble());
        add(out, vp, "multipleOf", loc, "multipleOf", expected, render_json(v), "expected " + expected + ", got " + render_json(v));
      }
    }
  }

  void check_string(const Value& schema, const Loc& loc, const Value& v, const std::string& vp, Errors& out) {
    std::size_t n = utf8_length(v);
    if (const Value* m = member(schema, "minLength"); m && m->IsUint64() && n < m->GetUint64()) {
      std::string expected = "at least " + std::to_string(m->GetUint64()) + " characters";
      add(out, vp, "minLength", loc, "minLength", expected, render_json(v), "expected " + expected + ", got " + std::to_string(n));
    }
    if (const Value* m = member(schema, "maxLength"); m && m->IsUint64() && n > m->GetUint64()) {
      std::string expected = "at most " + std::to_string(m->GetUint64()) + " characters";
      add(out, vp, "maxLength", loc, "maxLength", expected, render_json(v), "expected " + expected + ", got " + std::to_string(n));
    }
    if (const Value* p = member(schema, "pattern"); p && p->IsString()) {
      auto re = b_.patterns.find(p->GetString());
      if (re != b_.patterns.end() &&
          !std::regex_search(v.GetString(), v.GetString() + v.GetStringLength(), re->second)) {
        add(out, vp, "pattern", loc, "pattern", std::string("a string matching /") + p->GetString() + "/", render_json(v),
            render_json(v, 80) + " does not match the pattern /" + p->GetString() + "/");
      }
    }
  }

  void check_array(const Value& schema, const Loc& loc, const Value& v, const std::string& vp, Errors& out, int depth) {
    const rapidjson::SizeType n = v.Size();
    if (const Value* m = member(schema, "minItems"); m && m->IsUint64() && n < m->GetUint64()) {
      std::string expected = "at least " + std::to_string(m->GetUint64()) + " items";
      add(out, vp, "minItems", loc, "minItems", expected, render_json(v), "expected " + expected + ", got " + std::to_string(n));
    }
    if (const Value* m = member(schema, "maxItems"); m && m->IsUint64() && n > m->GetUint64()) {
      std::string expected = "at most " + std::to_string(m->GetUint64()) + " items";
      add(out, vp, "maxItems", loc, "maxItems", expected, render_json(v), "expected " + expected + ", got " + std::to_string(n));
    }
    if (const Value* items = member(schema, "items")) {
      if (items->IsArray()) {
        const rapidjson::SizeType fixed = items->Size();
        for (rapidjson::SizeType i = 0; i < n && i < fixed; ++i) {
          check((*items)[i], loc.child("items").child(i), v[i], child_pointer(vp, std::to_string(i)), out, depth + 1);
        }
        if (const Value* extra = member(schema, "additionalItems"); extra && n > fixed) {
          if (extra->IsBool() && !extra->GetBool()) {
            std::string expected = "at most " + std::to_string(fixed) + " items";
            add(out, child_pointer(vp, std::to_string(fixed)), "additionalItems", loc, "additionalItems", expected,
                render_json(v[fixed]), "expected " + expected + ", got " + std::to_string(n));
          } else {
            for (rapidjson::SizeType i = fixed; i < n; ++i) {
              check(*extra, loc.child("additionalItems"), v[i], child_pointer(vp, std::to_string(i)), out, depth + 1);
            }
          }
        }
      } else {
        for (rapidjson::SizeType i = 0; i < n && !out.full(); ++i) {
          check(*items, loc.child("items"), v[i], child_pointer(vp, std::to_string(i)), out, depth + 1);
        }
      }
    }
    if (const Value* u = member(schema, "uniqueItems"); u && u->IsBool() && u->GetBool()) {
      for (rapidjson::SizeType i = 0; i < n; ++i) {
        for (rapidjson::SizeType j = i + 1; j < n; ++j) {
          if (v[i] == v[j]) {
            add(out, vp, "uniqueItems", loc, "uniqueItems", "unique items", render_json(v),
                "items " + std::to_string(i) + " and " + std::to_string(j) + " are equal; items must be unique");
            i = j = n;  // one report is enough
          }
        }
      }
    }
    if (const Value* c = member(schema, "contains")) {
      bool any = false;
      for (rapidjson::SizeType i = 0; i < n && !any; ++i) any = valid(*c, loc.child("contains"), v[i], vp, depth);
      if (!any) {
        add(out, vp, "contains", loc, "contains", "an item matching " + b_.files[loc.file] + "#" + loc.child("contains").ptr,
            render_json(v), "no item matches the `contains` schema");
      }
    }
  }

  std::string allowed_names(const Value& schema) const {
    const Value* props = member(schema, "properties");
    if (!props || !props->IsObject() || props->MemberCount() == 0) return "none";
    std::string names;
    for (const auto& m : props->GetObject()) {
      if (names.size() > 160) return names + ", ...";
      append_joined(names, ", ", std::string_view(m.name.GetString(), m.name.GetStringLength()));
    }
    return names;
  }

  bool matches_pattern_property(const Value* pattern_props, const Value& name) const {
    if (!pattern_props || !pattern_props->IsObject()) return false;
    for (const auto& p : pattern_props->GetObject()) {
      auto re = b_.patterns.find(p.name.GetString());
      if (re != b_.patterns.end() &&
          std::regex_search(name.GetString(), name.GetString() + name.GetStringLength(), re->second))
        return true;
    }
    return false;
  }

  void check_object(const Value& schema, const Loc& loc, const Value& v, const std::string& vp, Errors& out, int depth) {
    const rapidjson::SizeType n = v.MemberCount();
    if (const Value* m = member(schema, "minProperties"); m && m->IsUint64() && n < m->GetUint64()) {
      std::string expected = "at least " + std::to_string(m->GetUint64()) + " properties";
      add(out, vp, "minProperties", loc, "minProperties", expected, render_json(v), "expected " + expected + ", got " + std::to_string(n));
    }
    if (const Value* m = member(schema, "maxProperties"); m && m->IsUint64() && n > m->GetUint64()) {
      std::string expected = "at most " + std::to_string(m->GetUint64()) + " properties";
      add(out, vp, "maxProperties", loc, "maxProperties", expected, render_json(v), "expected " + expected + ", got " + std::to_string(n));
    }
    if (const Value* req = member(schema, "required"); req && req->IsArray()) {
      for (const Value& name : req->GetArray()) {
        if (name.IsString() && !v.HasMember(name)) {
          add(out, vp, "required", loc, "required", "property " + quote(name.GetString()), render_json(v),
              "missing required property " + quote(name.GetString()));
        }
      }
    }
    const Value* props = member(schema, "properties");
    const Value* pattern_props = member(schema, "patternProperties");
    const Value* additional = member(schema, "additionalProperties");
    for (const auto& m : v.GetObject()) {
      if (out.full()) return;
      std::string_view name(m.name.GetString(), m.name.GetStringLength());
      std::string mp = child_pointer(vp, name);
      bool declared = false;
      if (props && props->IsObject()) {
        auto it = props->FindMember(m.name);
        if (it != props->MemberEnd()) {
          declared = true;
          check(it->value, loc.child("properties").child(name), m.value, mp, out, depth + 1);
        }
      }
      if (pattern_props && pattern_props->IsObject()) {
        for (const auto& p : pattern_props->GetObject()) {
          auto re = b_.patterns.find(p.name.GetString());
          if (re == b_.patterns.end() || !std::regex_search(name.begin(), name.end(), re->second)) continue;
          declared = true;
          check(p.value, loc.child("patternProperties").child(p.name.GetString()), m.value, mp, out, depth + 1);
        }
      }
      if (declared || !additional) continue;
      if (additional->IsBool() && !additional->GetBool()) {
        std::string allowed = allowed_names(schema);
        add(out, mp, "additionalProperties", loc, "additionalProperties", "no property " + quote(name) + " (allowed: " + allowed + ")",
            render_json(m.value), "unexpected property " + quote(name) + "; allowed: " + allowed);
      } else {
        check(*additional, loc.child("additionalProperties"), m.value, mp, out, depth + 1);
      }
    }
    check_dependencies(schema, loc, v, vp, out, depth);
    if (const Value* names = member(schema, "propertyNames")) {
      for (const auto& m : v.GetObject()) {
        check(*names, loc.child("propertyNames"), m.name, child_pointer(vp, m.name.GetString()), out, depth + 1);
      }
    }
  }

  void check_dependencies(const Value& schema, const Loc& loc, const Value& v, const std::string& vp, Errors& out, int depth) {
    const Value* deps = member(schema, "dependencies");
    if (!deps || !deps->IsObject()) return;
    for (const auto& d : deps->GetObject()) {
      if (!v.HasMember(d.name)) continue;
      if (d.value.IsArray()) {
        for (const Value& need : d.value.GetArray()) {
          if (!need.IsString() || v.HasMember(need)) continue;
          add(out, vp, "dependencies", loc.child("dependencies"), d.name.GetString(),
              "property " + quote(need.GetString()) + " alongside " + quote(d.name.GetString()), render_json(v),
              "property " + quote(d.name.GetString()) + " requires property " + quote(need.GetString()));
        }
      } else {
        check(d.value, loc.child("dependencies").child(d.name.GetString()), v, vp, out, depth + 1);
      }
    }
  }

  void check_combinators(const Value& schema, const Loc& loc, const Value& v, const std::string& vp, Errors& out, int depth) {
    if (const Value* all = member(schema, "allOf"); all && all->IsArray()) {
      for (rapidjson::SizeType i = 0; i < all->Size(); ++i) check((*all)[i], loc.child("allOf").child(i), v, vp, out, depth + 1);
    }
    if (const Value* any = member(schema, "anyOf"); any && any->IsArray()) check_alternatives("anyOf", *any, loc, v, vp, out, depth);
    if (const Value* one = member(schema, "oneOf"); one && one->IsArray()) check_alternatives("oneOf", *one, loc, v, vp, out, depth);
    if (const Value* no = member(schema, "not"); no && valid(*no, loc.child("not"), v, vp, depth)) {
      add(out, vp, "not", loc, "not", "a value that does not match " + b_.files[loc.file] + "#" + loc.child("not").ptr,
          render_json(v), "the value matches the schema under `not`, which it must not");
    }
    if (const Value* cond = member(schema, "if")) {
      bool holds = valid(*cond, loc.child("if"), v, vp, depth);
      const char* branch = holds ? "then" : "else";
      if (const Value* s = member(schema, branch)) check(*s, loc.child(branch), v, vp, out, depth + 1);
    }
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
  void read_discriminators(const Value& branch_schema, const Loc& loc, const Value& v, Branch& br) {
    Loc at = loc;
    std::string ref_name;
    const Value* s = resolve_refs(&branch_schema, at, ref_name);
    if (s && s->IsObject()) {
      if (const Value* title = member(*s, "title"); title && title->IsString()) br.label = title->GetString();
      const Value* props = member(*s, "properties");
      if (props && props->IsObject()) {
        for (const auto& p : props->GetObject()) {
          Loc pl = at;
          std::string ignored;
          const Value* ps = resolve_refs(&p.value, pl, ignored);
          if (!ps || !ps->IsObject()) continue;
          const Value* c = member(*ps, "const");
          const Value* en = member(*ps, "enum");
          if (!c && en && en->IsArray() && en->Size() == 1) c = &(*en)[0];
          if (!c) continue;
          br.consts[p.name.GetString()] = c;
          if (!v.IsObject()) continue;
          auto have = v.FindMember(p.name);
          if (have == v.MemberEnd()) continue;
          (*c == have->value ? br.discriminated : br.contradicted) = true;
        }
      }
    }
    if (br.label.empty()) br.label = ref_name;
    if (br.label.empty()) {
      auto t = br.consts.find("type");
      if (t != br.consts.end()) br.label = "type " + render_json(*t->second, 60);
    }
  }

  void check_alternatives(const char* kw, const Value& branches, const Loc& loc, const Value& v, const std::string& vp,
                          Errors& out, int depth) {
    const rapidjson::SizeType n = branches.Size();
    if (n == 0) return;
    std::vector<Branch> br(n);
    std::vector<std::string> passing;
    for (rapidjson::SizeType i = 0; i < n; ++i) {
      br[i].errors.cap = cap_;
      check(branches[i], loc.child(kw).child(i), v, vp, br[i].errors, depth + 1);
      dedupe_schema_errors(br[i].errors.list);
      if (br[i].errors.list.empty()) passing.push_back("#/" + std::string(kw) + "/" + std::to_string(i));
    }
    std::string kwloc = std::string(kw);
    if (std::string(kw) == "anyOf" && !passing.empty()) return;
    if (passing.size() == 1) return;
    if (passing.size() > 1) {
      std::string list;
      for (const auto& p : passing) append_joined(list, ", ", p);
      add(out, vp, kw, loc, kw, "exactly one matching branch", render_json(v),
          "the value matches " + std::to_string(passing.size()) + " branches of oneOf (" + list + "); exactly one must match");
      return;
    }
    if (report_type_union(kw, br, loc, v, vp, out)) return;
    for (rapidjson::SizeType i = 0; i < n; ++i) {
      read_discriminators(branches[i], loc.child(kw).child(i), v, br[i]);
      br[i].score = br[i].errors.list.size();
      // A branch that wants another type altogether is the least likely meaning.
      for (const SchemaError& e : br[i].errors.list) {
        if (e.pointer == vp && e.keyword == "type") br[i].score += 1000;
      }
      if (br[i].contradicted) br[i].score += 100;
    }
    if (report_unknown_discriminator(kw, br, loc, v, vp, out)) return;
    std::size_t best = 0;
    bool any_discriminated = false;
    for (std::size_t i = 0; i < n; ++i) any_discriminated = any_discriminated || (br[i].discriminated && !br[i].contradicted);
    for (std::size_t i = 0; i < n; ++i) {
      bool eligible = !any_discriminated || (br[i].discriminated && !br[i].contradicted);
      bool best_eligible = !any_discriminated || (br[best].discriminated && !br[best].contradicted);
      if (eligible && (!best_eligible || br[i].score < br[best].score)) best = i;
    }
    const std::vector<SchemaError>& errs = br[best].errors.list;
    std::string name = "#/" + std::string(kw) + "/" + std::to_string(best);
    if (!br[best].label.empty()) name += " (" + br[best].label + ")";
    std::string message = std::string("no branch of ") + kw + " matched; closest is " + name;
    if (!errs.empty()) {
      message += ": " + show_pointer(errs[0].pointer) + ": " + errs[0].message;
      if (errs.size() > 1) message += " (and " + std::to_string(errs.size() - 1) + " more)";
    }
    std::string expected;
    for (std::size_t i = 0; i < n; ++i) {
      append_joined(expected, ", ", br[i].label.empty() ? "#/" + kwloc + "/" + std::to_string(i) : br[i].label);
    }
    add(out, vp, kw, loc, kw, "one of: " + expected, render_json(v), message);
    for (const SchemaError& e : errs) {
      if (out.full()) break;
      out.list.push_back(e);
    }
  }

  // `anyOf: [{type: string}, {type: null}]` (how generated schemas say "nullable") fails as one
  // type error: "expected string or null, got integer", not as a search for the closest branch.
  bool report_type_union(const char* kw, const std::vector<Branch>& br, const Loc& loc, const Value& v,
                         const std::string& vp, Errors& out) {
    std::string expected;
    for (const Branch& b : br) {
      const auto& errs = b.errors.list;
      if (errs.size() != 1 || errs[0].pointer != vp || errs[0].keyword != "type") return false;
      append_joined(expected, " or ", errs[0].expected);
    }
    add(out, vp, "type", loc, kw, expected, render_json(v), "expected " + expected + ", got " + json_type_name(v));
    return true;
  }

  // When every branch fixes the same property to a constant (e.g. "type") and the value's is none
  // of them, the honest report is "unknown type", not the errors of an arbitrary branch.
  bool report_unknown_discriminator(const char* kw, const std::vector<Branch>& br, const Loc& loc, const Value& v,
                                    const std::string& vp, Errors& out) {
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
    add(out, child_pointer(vp, prop), kw, loc, kw, "one of " + choices, render_json(have->value),
        "unknown " + prop + " " + render_json(have->value, 60) + "; expected one of " + choices);
    return true;
  }

  const SchemaBundle& b_;
  std::size_t cap_;
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

std::vector<SchemaError> explain_schema_errors(const SchemaBundle& bundle, std::size_t file, const std::string& pointer,
                                               const Value& value, std::size_t max_errors) {
  const Value* schema = resolve_pointer(bundle.file_root(file), pointer);
  if (!schema) return {};
  Errors out{{}, max_errors * 4};  // dedupe below shrinks the list; cap again after it
  Explainer(bundle, max_errors).check(*schema, Loc{file, pointer}, value, "", out, 0);
  dedupe_schema_errors(out.list);
  if (out.list.size() > max_errors) out.list.resize(max_errors);
  return std::move(out.list);
}

}  // namespace ac
