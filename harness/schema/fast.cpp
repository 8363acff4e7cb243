#include "schema/fast.hpp"

#include <cmath>
#include <cstring>
#include <functional>
#include <set>

#include "schema/pointer.hpp"

namespace ac {

using rapidjson::Value;

namespace {

enum : std::uint8_t {
  kTypeNull = 1,
  kTypeBoolean = 2,
  kTypeObject = 4,
  kTypeArray = 8,
  kTypeString = 16,
  kTypeNumber = 32,
  kTypeInteger = 64,
};

std::uint8_t type_bit(const char* name) {
  static const std::pair<const char*, std::uint8_t> kNames[] = {
      {"null", kTypeNull},     {"boolean", kTypeBoolean}, {"object", kTypeObject},   {"array", kTypeArray},
      {"string", kTypeString}, {"number", kTypeNumber},   {"integer", kTypeInteger},
  };
  for (const auto& n : kNames) {
    if (std::strcmp(n.first, name) == 0) return n.second;
  }
  return 0;
}

// The `type` names a value satisfies: an integer-valued number is both "integer" and "number".
std::uint8_t value_types(const Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return kTypeNull;
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return kTypeBoolean;
    case rapidjson::kObjectType: return kTypeObject;
    case rapidjson::kArrayType: return kTypeArray;
    case rapidjson::kStringType: return kTypeString;
    case rapidjson::kNumberType: return v.IsInt64() || v.IsUint64() ? kTypeNumber | kTypeInteger : kTypeNumber;
  }
  return 0;
}

const Value* member(const Value& obj, const char* name) {
  auto it = obj.FindMember(name);
  return it == obj.MemberEnd() ? nullptr : &it->value;
}

std::optional<double> number(const Value& obj, const char* name) {
  const Value* v = member(obj, name);
  return v && v->IsNumber() ? std::optional<double>(v->GetDouble()) : std::nullopt;
}

std::optional<std::uint64_t> count(const Value& obj, const char* name) {
  const Value* v = member(obj, name);
  return v && v->IsUint64() ? std::optional<std::uint64_t>(v->GetUint64()) : std::nullopt;
}

std::size_t utf8_length(const Value& s) {
  std::size_t n = 0;
  const char* p = s.GetString();
  for (rapidjson::SizeType i = 0; i < s.GetStringLength(); ++i) n += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return n;
}

bool search(const std::regex& re, const Value& s) {
  return std::regex_search(s.GetString(), s.GetString() + s.GetStringLength(), re);
}

}  // namespace

const FastSchema* FastSchemaSet::compile(std::size_t file, const std::string& pointer) {
  const Value* schema = resolve_pointer(bundle_.file_root(file), pointer);
  if (!schema) return nullptr;
  const FastSchema* root = node(*schema, 0);
  return root && !uses_format(root) ? root : nullptr;
}

const FastSchema* FastSchemaSet::node(const Value& schema_in, int depth) {
  const Value* schema = &schema_in;
  // A $ref is its target (draft 7 ignores keywords beside it); unresolved ones accept anything.
  for (int hops = 0; schema->IsObject() && schema->HasMember("$ref"); ++hops) {
    const Value& ref = (*schema)["$ref"];
    std::size_t file = 0;
    std::string pointer;
    if (hops > 64 || !ref.IsString() || !decode_bundle_ref(ref.GetString(), ref.GetStringLength(), file, pointer)) {
      return &anything_;
    }
    schema = resolve_pointer(bundle_.file_root(file), pointer);
    if (!schema) return &anything_;
  }
  auto cached = compiled_.find(schema);
  if (cached != compiled_.end()) return cached->second;
  FastSchema& n = nodes_.emplace_back();
  compiled_.emplace(schema, &n);  // before the children: recursive schemas find themselves
  if (schema->IsBool()) {
    n.always_false = !schema->GetBool();
    return &n;
  }
  if (!schema->IsObject() || depth > 512) return &n;
  const Value& s = *schema;
  auto sub = [&](const char* keyword) -> const FastSchema* {
    const Value* v = member(s, keyword);
    return v ? node(*v, depth + 1) : nullptr;
  };
  auto list = [&](const char* keyword, std::vector<const FastSchema*>& out) {
    const Value* v = member(s, keyword);
    if (v && v->IsArray()) {
      for (const Value& e : v->GetArray()) out.push_back(node(e, depth + 1));
    }
  };
  n.has_format = s.HasMember("format");
  if (const Value* t = member(s, "type")) {
    if (t->IsString()) n.types = type_bit(t->GetString());
    if (t->IsArray()) {
      for (const Value& e : t->GetArray()) n.types |= e.IsString() ? type_bit(e.GetString()) : 0;
    }
  }
  if (const Value* e = member(s, "enum"); e && e->IsArray()) n.enum_values = e;
  n.const_value = member(s, "const");
  n.minimum = number(s, "minimum");
  n.maximum = number(s, "maximum");
  n.exclusive_minimum = number(s, "exclusiveMinimum");
  n.exclusive_maximum = number(s, "exclusiveMaximum");
  n.multiple_of = number(s, "multipleOf");
  n.min_length = count(s, "minLength");
  n.max_length = count(s, "maxLength");
  n.min_items = count(s, "minItems");
  n.max_items = count(s, "maxItems");
  n.min_properties = count(s, "minProperties");
  n.max_properties = count(s, "maxProperties");
  if (const Value* p = member(s, "pattern"); p && p->IsString()) {
    auto re = bundle_.patterns.find(p->GetString());
    if (re != bundle_.patterns.end()) n.pattern = &re->second;
  }
  if (const Value* items = member(s, "items")) {
    n.items_is_tuple = items->IsArray();
    if (n.items_is_tuple) {
      list("items", n.tuple_items);
      n.additional_items = sub("additionalItems");
    } else {
      n.items = node(*items, depth + 1);
    }
  }
  if (const Value* u = member(s, "uniqueItems"); u && u->IsBool()) n.unique_items = u->GetBool();
  n.contains = sub("contains");
  if (const Value* props = member(s, "properties"); props && props->IsObject()) {
    for (const auto& m : props->GetObject()) n.properties.push_back({&m.name, node(m.value, depth + 1)});
  }
  if (const Value* pp = member(s, "patternProperties"); pp && pp->IsObject()) {
    for (const auto& m : pp->GetObject()) {
      auto re = bundle_.patterns.find(m.name.GetString());
      if (re != bundle_.patterns.end()) n.pattern_properties.emplace_back(&re->second, node(m.value, depth + 1));
    }
  }
  n.additional_properties = sub("additionalProperties");
  if (const Value* r = member(s, "required"); r && r->IsArray()) {
    for (const Value& name : r->GetArray()) {
      if (name.IsString()) n.required.push_back(&name);
    }
  }
  if (const Value* deps = member(s, "dependencies"); deps && deps->IsObject()) {
    for (const auto& d : deps->GetObject()) {
      if (d.value.IsArray()) {
        std::vector<const Value*> names;
        for (const Value& name : d.value.GetArray()) {
          if (name.IsString()) names.push_back(&name);
        }
        n.property_dependencies.emplace_back(&d.name, std::move(names));
      } else {
        n.schema_dependencies.emplace_back(&d.name, node(d.value, depth + 1));
      }
    }
  }
  n.property_names = sub("propertyNames");
  list("allOf", n.all_of);
  list("anyOf", n.any_of);
  list("oneOf", n.one_of);
  n.not_schema = sub("not");
  n.if_schema = sub("if");
  if (n.if_schema) {
    n.then_schema = sub("then");
    n.else_schema = sub("else");
  }
  return &n;
}

bool FastSchemaSet::uses_format(const FastSchema* root) const {
  std::set<const FastSchema*> seen;
  std::vector<const FastSchema*> todo{root};
  while (!todo.empty()) {
    const FastSchema* n = todo.back();
    todo.pop_back();
    if (!n || !seen.insert(n).second) continue;
    if (n->has_format) return true;
    for (const FastSchema* c : {n->items, n->additional_items, n->contains, n->additional_properties, n->property_names,
                                n->not_schema, n->if_schema, n->then_schema, n->else_schema}) {
      todo.push_back(c);
    }
    for (const auto* group : {&n->tuple_items, &n->all_of, &n->any_of, &n->one_of}) {
      todo.insert(todo.end(), group->begin(), group->end());
    }
    for (const auto& p : n->properties) todo.push_back(p.schema);
    for (const auto& p : n->pattern_properties) todo.push_back(p.second);
    for (const auto& d : n->schema_dependencies) todo.push_back(d.second);
  }
  return false;
}

namespace {

bool valid_number(const FastSchema& n, const Value& v) {
  const double x = v.GetDouble();
  if (n.minimum && x < *n.minimum) return false;
  if (n.maximum && x > *n.maximum) return false;
  if (n.exclusive_minimum && x <= *n.exclusive_minimum) return false;
  if (n.exclusive_maximum && x >= *n.exclusive_maximum) return false;
  if (n.multiple_of && *n.multiple_of > 0) {
    double q = x / *n.multiple_of;
    if (std::fabs(q - std::round(q)) > 1e-9 * std::max(1.0, std::fabs(q))) return false;
  }
  return true;
}

bool valid_string(const FastSchema& n, const Value& v) {
  if (n.min_length || n.max_length) {
    std::size_t len = utf8_length(v);
    if (n.min_length && len < *n.min_length) return false;
    if (n.max_length && len > *n.max_length) return false;
  }
  return !n.pattern || search(*n.pattern, v);
}

bool valid_array(const FastSchema& n, const Value& v) {
  const rapidjson::SizeType size = v.Size();
  if (n.min_items && size < *n.min_items) return false;
  if (n.max_items && size > *n.max_items) return false;
  if (n.items_is_tuple) {
    for (rapidjson::SizeType i = 0; i < size; ++i) {
      const FastSchema* s = i < n.tuple_items.size() ? n.tuple_items[i] : n.additional_items;
      if (s && !FastSchemaSet::valid(*s, v[i])) return false;
    }
  } else if (n.items) {
    for (const Value& item : v.GetArray()) {
      if (!FastSchemaSet::valid(*n.items, item)) return false;
    }
  }
  if (n.unique_items) {
    for (rapidjson::SizeType i = 0; i < size; ++i) {
      for (rapidjson::SizeType j = i + 1; j < size; ++j) {
        if (v[i] == v[j]) return false;
      }
    }
  }
  if (n.contains) {
    bool any = false;
    for (rapidjson::SizeType i = 0; i < size && !any; ++i) any = FastSchemaSet::valid(*n.contains, v[i]);
    if (!any) return false;
  }
  return true;
}

bool same_name(const Value& a, const Value& b) {
  return a.GetStringLength() == b.GetStringLength() && std::memcmp(a.GetString(), b.GetString(), a.GetStringLength()) == 0;
}

bool valid_object(const FastSchema& n, const Value& v) {
  const rapidjson::SizeType size = v.MemberCount();
  if (n.min_properties && size < *n.min_properties) return false;
  if (n.max_properties && size > *n.max_properties) return false;
  for (const Value* name : n.required) {
    if (!v.HasMember(*name)) return false;
  }
  for (const auto& m : v.GetObject()) {
    bool declared = false;
    for (const FastSchema::Property& p : n.properties) {
      if (!same_name(*p.name, m.name)) continue;
      declared = true;
      if (!FastSchemaSet::valid(*p.schema, m.value)) return false;
      break;
    }
    for (const auto& pp : n.pattern_properties) {
      if (!search(*pp.first, m.name)) continue;
      declared = true;
      if (!FastSchemaSet::valid(*pp.second, m.value)) return false;
    }
    if (!declared && n.additional_properties && !FastSchemaSet::valid(*n.additional_properties, m.value)) return false;
    if (n.property_names && !FastSchemaSet::valid(*n.property_names, m.name)) return false;
  }
  for (const auto& d : n.property_dependencies) {
    if (!v.HasMember(*d.first)) continue;
    for (const Value* need : d.second) {
      if (!v.HasMember(*need)) return false;
    }
  }
  for (const auto& d : n.schema_dependencies) {
    if (v.HasMember(*d.first) && !FastSchemaSet::valid(*d.second, v)) return false;
  }
  return true;
}

}  // namespace

bool FastSchemaSet::valid(const FastSchema& n, const Value& v) {
  if (n.always_false) return false;
  if (n.types && !(n.types & value_types(v))) return false;
  if (n.enum_values) {
    bool found = false;
    for (const Value& e : n.enum_values->GetArray()) {
      if (e == v) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  if (n.const_value && !(*n.const_value == v)) return false;
  switch (v.GetType()) {
    case rapidjson::kNumberType:
      if (!valid_number(n, v)) return false;
      break;
    case rapidjson::kStringType:
      if (!valid_string(n, v)) return false;
      break;
    case rapidjson::kArrayType:
      if (!valid_array(n, v)) return false;
      break;
    case rapidjson::kObjectType:
      if (!valid_object(n, v)) return false;
      break;
    default:
      break;
  }
  for (const FastSchema* s : n.all_of) {
    if (!valid(*s, v)) return false;
  }
  if (!n.any_of.empty()) {
    bool any = false;
    for (const FastSchema* s : n.any_of) {
      if ((any = valid(*s, v))) break;
    }
    if (!any) return false;
  }
  if (!n.one_of.empty()) {
    int matched = 0;
    for (const FastSchema* s : n.one_of) {
      if (valid(*s, v) && ++matched > 1) return false;
    }
    if (matched != 1) return false;
  }
  if (n.not_schema && valid(*n.not_schema, v)) return false;
  if (n.if_schema) {
    const FastSchema* branch = valid(*n.if_schema, v) ? n.then_schema : n.else_schema;
    if (branch && !valid(*branch, v)) return false;
  }
  return true;
}

}  // namespace ac
