#include "schema/registry.hpp"

#include <algorithm>
#include <future>
#include <mutex>
#include <thread>
#include <set>
#include <unordered_map>

#include "schema/bundle.hpp"
#include "schema/compiled.hpp"
#include "schema/explain.hpp"
#include "schema/pointer.hpp"
#include "schema/valijson.hpp"
#include "schema/walk.hpp"
#include "util/json_render.hpp"
#include "util/suggest.hpp"

namespace ac {

namespace {

// One schema known to the registry: its compiled form, built on first need, and its Valijson form,
// built only when asked for. At load, one Valijson compile of everything proves it accepts them
// all (the one thing only Valijson does here: telling a malformed schema from a good one);
// compiling each of hundreds of definitions separately would be most of the load time, and a run
// uses a few.
struct CompiledSchema {
  std::size_t file = 0;
  std::string pointer;
  bool rejected = false;  // Valijson rejected it at load: it judges nothing (fixed after load)
  mutable std::once_flag node_once;
  mutable const SchemaNode* node = nullptr;  // after `node_once`: null when rejected
  mutable std::once_flag once;
  mutable std::unique_ptr<valijson::Schema> schema;  // after `once`: null when Valijson rejected it
  mutable std::string error;                         // why, when it did
};

// "a/b.json" or "a/b.json#/definitions/x" -> (file index, pointer); false when it names no file
// or the fragment is not a JSON pointer. A pointer that leads nowhere is not checked here.
bool parse_ref(const SchemaBundle& bundle, const std::string& ref, std::size_t& file, std::string& pointer) {
  std::size_t hash = ref.find('#');
  auto it = bundle.file_index.find(ref.substr(0, hash));
  if (it == bundle.file_index.end()) return false;
  file = it->second;
  pointer.clear();
  if (hash == std::string::npos) return true;
  if (!percent_decode(std::string_view(ref).substr(hash + 1), pointer)) return false;
  return pointer.empty() || pointer[0] == '/';
}

std::string canonical_ref(const SchemaBundle& bundle, std::size_t file, const std::string& pointer) {
  return pointer.empty() ? bundle.files[file] : bundle.files[file] + "#" + pointer;
}

// Valijson names schema nodes by their path in the bundle ("/d/3/properties/x"); a person wants
// "anthropic/message.json#/properties/x".
std::string translate_bundle_paths(const SchemaBundle& bundle, const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = text.find("/d/", i);
    if (at == std::string::npos || at + 3 >= text.size() || !std::isdigit(static_cast<unsigned char>(text[at + 3]))) {
      out += text.substr(i, at == std::string::npos ? std::string::npos : at + 3 - i);
      if (at == std::string::npos) break;
      i = at + 3;
      continue;
    }
    out += text.substr(i, at - i);
    std::size_t j = at + 3, index = 0;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) index = index * 10 + (text[j++] - '0');
    out += index < bundle.files.size() ? bundle.files[index] + "#" : text.substr(at, j - at);
    i = j;
  }
  return out;
}

// Where a Valijson complaint points: the first bundle path in its text, else the schema itself.
SourceLocation locate_compile_error(const SchemaBundle& bundle, std::size_t file, const std::string& pointer,
                                   const std::string& error) {
  std::size_t at = error.find("/d/");
  if (at != std::string::npos) {
    std::size_t j = at + 3, index = 0;
    bool digits = false;
    while (j < error.size() && std::isdigit(static_cast<unsigned char>(error[j]))) {
      index = index * 10 + (error[j++] - '0');
      digits = true;
    }
    std::size_t end = error.find_first_of(" \t'\"", j);
    if (digits && index < bundle.sources.size()) return bundle.sources[index].where(error.substr(j, end - j));
  }
  return bundle.sources[file].where(pointer);
}

class CompiledRegistry : public SchemaRegistry {
 public:
  explicit CompiledRegistry(const SchemaLoadOptions& options) : options_(options) {}

  void load(const std::string& root, Diagnostics& diags) {
    build_schema_bundle(root, bundle_, diags);
    prepare(diags);
  }

  void load_inline(const std::string& name, std::string text, Diagnostics& diags) {
    build_inline_schema_bundle(name, std::move(text), bundle_, diags);
    prepare(diags);
  }

  // Every file and definition becomes an entry point, and Valijson proves it accepts them all.
  void prepare(Diagnostics& diags) {
    for (std::size_t f = 0; f < bundle_.files.size(); ++f) {
      for (const std::string& pointer : entry_points(f)) {
        auto c = std::make_unique<CompiledSchema>();
        c->file = f;
        c->pointer = pointer;
        compiled_.emplace(canonical_ref(bundle_, f, pointer), std::move(c));
      }
    }
    // Proven when the binary was built (the same Valijson, the same bytes): the proof was most of
    // a run's start-up.
    if (!options_.proven_digest.empty() && bundle_.digest == options_.proven_digest) return;
    // The Valijson proof is most of the load, and nothing runs beside it yet: half of it goes to a
    // second thread, on its own copy of the bundle.
    std::vector<const CompiledSchema*> halves[2];
    split_by_file(halves);
    std::future<bool> other;
    if (!halves[1].empty() && std::thread::hardware_concurrency() > 1)
      other = std::async(std::launch::async, [this, &halves] {
        rapidjson::Document copy;
        copy.CopyFrom(bundle_.doc, copy.GetAllocator());
        return prove(halves[1], copy);
      });
    bool ok = prove(halves[0], compile_doc());
    ok = (other.valid() ? other.get() : prove(halves[1], compile_doc())) && ok;
    if (!ok) report_rejections(diags);
  }

  bool has(const std::string& ref) const override {
    if (compiled_.count(ref)) return true;
    std::size_t file = 0;
    std::string pointer;
    return parse_ref(bundle_, ref, file, pointer) && resolve_pointer(bundle_.file_root(file), pointer);
  }

  std::string hint_for(const std::string& ref) const override {
    std::size_t hash = ref.find('#');
    std::string file = ref.substr(0, hash);
    auto it = bundle_.file_index.find(file);
    if (it == bundle_.file_index.end()) {
      std::string hint = did_you_mean(file, bundle_.files);
      return bundle_.files.empty() ? "the schema folder holds no *.json file" : hint;
    }
    if (hash == std::string::npos) return "";
    std::vector<std::string> defined;
    const rapidjson::Value& root = bundle_.file_root(it->second);
    for (const char* container : {"definitions", "$defs"}) {
      auto defs = root.IsObject() ? root.FindMember(container) : root.MemberEnd();
      if (!root.IsObject() || defs == root.MemberEnd() || !defs->value.IsObject()) continue;
      for (const auto& d : defs->value.GetObject()) {
        std::string p = file + "#/" + container;
        append_pointer_token(p, d.name.GetString());
        defined.push_back(p);
      }
    }
    return defined.empty() ? "a fragment is a JSON pointer into the file, e.g. " + file + "#/properties/x"
                           : did_you_mean(ref, defined);
  }

  bool is_valid(const std::string& ref, const rapidjson::Value& value) const override {
    const CompiledSchema* c = find(ref);
    return c && node(*c) && passes(*c, value);
  }

  std::vector<SchemaError> validate(const std::string& ref, const rapidjson::Value& value) const override {
    const CompiledSchema* c = find(ref);
    if (!c) {
      return {SchemaError{"", "$ref", ref, "a schema under the schema folder", "",
                          "no schema `" + ref + "`; a reference is a path under schemas/, optionally with #/json/pointer"}};
    }
    const SchemaNode* schema = node(*c);
    if (!schema) {
      return {SchemaError{"", "$ref", ref, "a schema the validator accepts", "", "schema `" + ref + "` could not be compiled: " + c->error}};
    }
    if (passes(*c, value)) return {};  // the common case: no error text is ever built
    std::vector<SchemaError> errors = explain_schema_errors(bundle_, *schema, value);
    if (errors.empty()) {  // only where the verdict is Valijson's (the oracle mode) and it disagrees
      errors.push_back(SchemaError{"", "schema", canonical_ref(bundle_, c->file, c->pointer), "", render_json(value),
                                   "the value does not match the schema (the validator gave no detail)"});
    }
    return errors;
  }

 private:
  // What a reference names most often, prepared at load: each file, and each of its definitions.
  std::vector<std::string> entry_points(std::size_t file) const {
    std::vector<std::string> out{""};
    const rapidjson::Value& root = bundle_.file_root(file);
    if (!root.IsObject()) return out;
    for (const char* container : {"definitions", "$defs"}) {
      auto defs = root.FindMember(container);
      if (defs == root.MemberEnd() || !defs->value.IsObject()) continue;
      for (const auto& d : defs->value.GetObject()) {
        std::string pointer = "/";
        pointer += container;
        append_pointer_token(pointer, d.name.GetString());
        out.push_back(pointer);
      }
    }
    return out;
  }

  // The entry points in two lists of whole files with about as many entry points each (largest
  // file first to the lighter list), so that what a file's schemas share is compiled once.
  void split_by_file(std::vector<const CompiledSchema*> (&halves)[2]) const {
    std::vector<std::vector<const CompiledSchema*>> by_file(bundle_.files.size());
    for (const auto& entry : compiled_) by_file[entry.second->file].push_back(entry.second.get());
    std::sort(by_file.begin(), by_file.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (auto& file : by_file) {
      auto& lighter = halves[0].size() <= halves[1].size() ? halves[0] : halves[1];
      lighter.insert(lighter.end(), file.begin(), file.end());
    }
  }

  // One Valijson compile of {"allOf": [the entry points]} in `doc` (a copy of the bundle): Valijson
  // shares what they have in common, so this proves it accepts every one of them for the price of
  // compiling each node once.
  bool prove(const std::vector<const CompiledSchema*>& entries, rapidjson::Document& doc) const {
    if (entries.empty()) return true;
    auto& alloc = doc.GetAllocator();
    rapidjson::Value all(rapidjson::kArrayType);
    for (const CompiledSchema* c : entries) {
      std::string target = local_ref(c->file, c->pointer);
      rapidjson::Value ref(rapidjson::kObjectType);
      ref.AddMember("$ref", rapidjson::Value(target.c_str(), static_cast<rapidjson::SizeType>(target.size()), alloc), alloc);
      all.PushBack(ref, alloc);
    }
    rapidjson::Value everything(rapidjson::kObjectType);
    everything.AddMember("allOf", all, alloc);
    doc.AddMember("all", everything, alloc);
    std::string error;
    bool ok = compile_in(doc, kEverything, error) != nullptr;
    doc.RemoveMember("all");
    return ok;
  }

  // Something was rejected: compile each entry point alone to say which, and where.
  void report_rejections(Diagnostics& diags) {
    std::set<std::string> reported;
    std::vector<CompiledSchema*> ordered;
    for (const auto& entry : compiled_) ordered.push_back(entry.second.get());
    std::sort(ordered.begin(), ordered.end(), [](const CompiledSchema* a, const CompiledSchema* b) {
      return a->file != b->file ? a->file < b->file : a->pointer < b->pointer;
    });
    for (CompiledSchema* c : ordered) {
      if (valijson_schema(*c)) continue;
      c->rejected = true;  // a schema Valijson rejects is not used at all
      SourceLocation where = locate_compile_error(bundle_, c->file, c->pointer, c->error);
      std::string key = where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + c->error;
      if (reported.insert(key).second) diags.push_back(Diagnostic{where, "schema rejected by the validator: " + c->error, ""});
    }
  }

  std::string local_ref(std::size_t file, const std::string& pointer) const {
    std::string target = kBundleRefPrefix + std::to_string(file);
    for (char ch : pointer) target += ch == '%' ? std::string("%25") : std::string(1, ch);  // Valijson %-decodes
    return target;
  }

  // Valijson resolves "$ref"s against the document it is given, so the copy's root becomes
  // {"$ref": <target>, "d": [...]} for the call. Serialised by compile_mutex_.
  std::unique_ptr<valijson::Schema> compile_at(const std::string& target, std::string& error) const {
    std::lock_guard<std::mutex> lock(compile_mutex_);
    return compile_in(compile_doc(), target, error);
  }

  // The copy Valijson compiles in, made on first need (a proven folder may never need one).
  // Under compile_mutex_, or during load.
  rapidjson::Document& compile_doc() const {
    if (!compile_doc_copied_) compile_doc_.CopyFrom(bundle_.doc, compile_doc_.GetAllocator());
    compile_doc_copied_ = true;
    return compile_doc_;
  }

  std::unique_ptr<valijson::Schema> compile_in(rapidjson::Document& doc, const std::string& target,
                                               std::string& error) const {
    doc["$ref"].SetString(target.c_str(), static_cast<rapidjson::SizeType>(target.size()), doc.GetAllocator());
    try {
      auto schema = std::make_unique<valijson::Schema>();
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      parser.populateSchema(valijson::adapters::RapidJsonAdapter(doc), *schema);
      return schema;
    } catch (const std::exception& e) {
      error = translate_bundle_paths(bundle_, e.what());
      return nullptr;
    }
  }

  // The compiled form of `c`, built on first need (a run validates against a few of the hundreds
  // of entry points); null when Valijson rejected the schema.
  const SchemaNode* node(const CompiledSchema& c) const {
    std::call_once(c.node_once, [&] {
      if (c.rejected) return;
      std::lock_guard<std::mutex> lock(nodes_mutex_);
      c.node = nodes_.compile(c.file, c.pointer);
    });
    return c.node;
  }

  // The Valijson form of `c`, compiled on first need; null when Valijson rejects it.
  const valijson::Schema* valijson_schema(const CompiledSchema& c) const {
    std::call_once(c.once, [&] { c.schema = compile_at(local_ref(c.file, c.pointer), c.error); });
    return c.schema.get();
  }

  // Files and definitions were prepared at load; any other fragment is on first use.
  const CompiledSchema* find(const std::string& ref) const {
    auto it = compiled_.find(ref);
    if (it != compiled_.end()) return it->second.get();
    std::size_t file = 0;
    std::string pointer;
    if (!parse_ref(bundle_, ref, file, pointer) || !resolve_pointer(bundle_.file_root(file), pointer)) return nullptr;
    std::lock_guard<std::mutex> lock(lazy_mutex_);
    std::unique_ptr<CompiledSchema>& slot = lazy_[canonical_ref(bundle_, file, pointer)];
    if (!slot) {
      auto c = std::make_unique<CompiledSchema>();
      c->file = file;
      c->pointer = pointer;
      // Not covered by the compile at load (it may not even be a schema position): ask Valijson now.
      c->rejected = !valijson_schema(*c);
      slot = std::move(c);
    }
    return slot.get();
  }

  bool passes(const CompiledSchema& c, const rapidjson::Value& value) const {
    if (options_.fast_path) return schema_valid(*node(c), value);
    const valijson::Schema* schema = valijson_schema(c);
    if (!schema) return false;
    std::unique_ptr<valijson::Validator> validator = acquire();
    bool ok = false;
    try {
      ok = validator->validate(*schema, valijson::adapters::RapidJsonAdapter(value), nullptr);
    } catch (const std::exception&) {
      ok = false;  // e.g. a `format` applied to a non-string
    }
    release(std::move(validator));
    return ok;
  }

  // Validators are reused because each caches its compiled `pattern` regexes, but one must not
  // be used by two threads at once (the cache is unsynchronised): each call borrows one.
  std::unique_ptr<valijson::Validator> acquire() const {
    {
      std::lock_guard<std::mutex> lock(pool_mutex_);
      if (!pool_.empty()) {
        std::unique_ptr<valijson::Validator> v = std::move(pool_.back());
        pool_.pop_back();
        return v;
      }
    }
    return std::make_unique<valijson::Validator>(valijson::Validator::kStrongTypes);
  }
  void release(std::unique_ptr<valijson::Validator> v) const {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    pool_.push_back(std::move(v));
  }

  static constexpr const char* kEverything = "#/all";

  SchemaLoadOptions options_;
  SchemaBundle bundle_;  // read-only after load
  mutable std::mutex nodes_mutex_;
  mutable CompiledSchemas nodes_{bundle_};  // grows under nodes_mutex_; what it built is read-only
  mutable std::mutex compile_mutex_;
  mutable rapidjson::Document compile_doc_;  // a copy whose root $ref is re-aimed for each compile
  mutable bool compile_doc_copied_ = false;
  std::unordered_map<std::string, std::unique_ptr<CompiledSchema>> compiled_;  // fixed after load
  mutable std::mutex lazy_mutex_;
  mutable std::unordered_map<std::string, std::unique_ptr<CompiledSchema>> lazy_;
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<valijson::Validator>> pool_;
};

}  // namespace

std::unique_ptr<SchemaRegistry> SchemaRegistry::load(const std::string& root, Diagnostics& diags) {
  return load(root, diags, SchemaLoadOptions{});
}

std::unique_ptr<SchemaRegistry> SchemaRegistry::load(const std::string& root, Diagnostics& diags,
                                                     const SchemaLoadOptions& options) {
  auto registry = std::make_unique<CompiledRegistry>(options);
  registry->load(root, diags);
  return registry;
}

std::unique_ptr<SchemaRegistry> SchemaRegistry::from_json(const std::string& name, const rapidjson::Value& schema,
                                                          Diagnostics& diags) {
  auto registry = std::make_unique<CompiledRegistry>(SchemaLoadOptions{});
  registry->load_inline(name, to_json(schema), diags);
  return registry;
}

}  // namespace ac
