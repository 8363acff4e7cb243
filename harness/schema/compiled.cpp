#include "schema/compiled.hpp"

#include "schema/keywords.hpp"
#include "schema/pointer.hpp"

namespace ac {

using rapidjson::Value;

namespace {

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

SchemaFormat format_of(const Value* f) {
  if (!f || !f->IsString()) return SchemaFormat::kNone;
  std::string_view name(f->GetString(), f->GetStringLength());
  if (name == "date") return SchemaFormat::kDate;
  if (name == "time") return SchemaFormat::kTime;
  if (name == "date-time") return SchemaFormat::kDateTime;
  return SchemaFormat::kNone;
}

std::string child(const std::string& pointer, std::string_view token) {
  std::string p = pointer;
  append_pointer_token(p, token);
  return p;
}

std::string child(const std::string& pointer, std::string_view token, std::string_view next) {
  std::string p = child(pointer, token);
  append_pointer_token(p, next);
  return p;
}

std::string child(const std::string& pointer, std::string_view token, std::size_t index) {
  std::string p = child(pointer, token);
  append_pointer_index(p, index);
  return p;
}

std::string_view name_of(const Value& v) { return std::string_view(v.GetString(), v.GetStringLength()); }

}  // namespace

const SchemaNode* CompiledSchemas::compile(std::size_t file, const std::string& pointer) {
  if (file >= bundle_.files.size()) return nullptr;
  const Value* schema = resolve_pointer(bundle_.file_root(file), pointer);
  return schema ? node(*schema, file, pointer, 0) : nullptr;
}

const SchemaNode* CompiledSchemas::node(const Value& schema_in, std::size_t file, std::string pointer, int depth) {
  const Value* schema = &schema_in;
  // A $ref is its target (draft 7 ignores keywords beside it); unresolved ones accept anything.
  for (int hops = 0; schema->IsObject() && schema->HasMember("$ref"); ++hops) {
    const Value& ref = (*schema)["$ref"];
    if (hops > 64 || !ref.IsString() || !decode_bundle_ref(ref.GetString(), ref.GetStringLength(), file, pointer) ||
        file >= bundle_.files.size()) {
      return &anything_;
    }
    schema = resolve_pointer(bundle_.file_root(file), pointer);
    if (!schema) return &anything_;
  }
  auto cached = compiled_.find(schema);
  if (cached != compiled_.end()) return cached->second;
  SchemaNode& n = nodes_.emplace_back();
  compiled_.emplace(schema, &n);  // before the children: recursive schemas find themselves
  n.file = file;
  n.pointer = std::move(pointer);
  if (schema->IsBool()) {
    n.always_false = !schema->GetBool();
    return &n;
  }
  if (!schema->IsObject() || depth > 512) return &n;
  const Value& s = *schema;
  const std::string& at = n.pointer;
  auto sub = [&](const char* keyword) -> const SchemaNode* {
    const Value* v = member(s, keyword);
    return v ? node(*v, file, child(at, keyword), depth + 1) : nullptr;
  };
  auto list = [&](const char* keyword, std::vector<const SchemaNode*>& out) {
    const Value* v = member(s, keyword);
    if (!v || !v->IsArray()) return;
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) out.push_back(node((*v)[i], file, child(at, keyword, i), depth + 1));
  };
  if (const Value* t = member(s, "title"); t && t->IsString()) n.title = t;
  if (const Value* t = member(s, "type")) {
    n.type = t;
    if (t->IsString()) n.types = schema_type_bit(name_of(*t));
    if (t->IsArray()) {
      for (const Value& e : t->GetArray()) n.types |= e.IsString() ? schema_type_bit(name_of(e)) : 0;
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
    if (re != bundle_.patterns.end()) {
      n.pattern = &re->second;
      n.pattern_text = p;
    }
  }
  n.format = format_of(member(s, "format"));
  if (const Value* items = member(s, "items")) {
    n.items_is_tuple = items->IsArray();
    if (n.items_is_tuple) {
      list("items", n.tuple_items);
      n.additional_items = sub("additionalItems");
    } else {
      n.items = node(*items, file, child(at, "items"), depth + 1);
    }
  }
  if (const Value* u = member(s, "uniqueItems"); u && u->IsBool()) n.unique_items = u->GetBool();
  n.contains = sub("contains");
  if (const Value* props = member(s, "properties"); props && props->IsObject()) {
    for (const auto& m : props->GetObject())
      n.properties.push_back({&m.name, node(m.value, file, child(at, "properties", name_of(m.name)), depth + 1)});
  }
  if (const Value* pp = member(s, "patternProperties"); pp && pp->IsObject()) {
    for (const auto& m : pp->GetObject()) {
      auto re = bundle_.patterns.find(m.name.GetString());
      if (re == bundle_.patterns.end()) continue;
      n.pattern_properties.push_back(
          {&re->second, &m.name, node(m.value, file, child(at, "patternProperties", name_of(m.name)), depth + 1)});
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
        n.schema_dependencies.emplace_back(&d.name,
                                           node(d.value, file, child(at, "dependencies", name_of(d.name)), depth + 1));
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

}  // namespace ac
