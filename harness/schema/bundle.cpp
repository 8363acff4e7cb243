#include "schema/bundle.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <set>
#include <unordered_map>
#include <sstream>

#include "schema/pointer.hpp"
#include "util/content_hash.hpp"
#include "util/suggest.hpp"

namespace ac {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> list_json_files(const fs::path& root) {
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    // A root's requests/ folder is a registry of its own (the request schemas of proxy mode,
    // docs/proxy.md), loaded only where requests are judged: a run never reads 1 MB it does not use.
    if (it.depth() == 0 && it->is_directory() && it->path().filename() == "requests") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".json") {
      files.push_back(fs::relative(it->path(), root).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string display_path(const std::string& root, const std::string& rel) {
  if (root.empty() || root == ".") return rel;
  return root.back() == '/' ? root + rel : root + "/" + rel;
}

// A place in the bundle that holds a schema, waiting to be visited.
struct SchemaSite {
  std::size_t file;
  std::string pointer;
  rapidjson::Value* node;
};

// Visits every schema reachable from each file's root and from each $ref target, rewriting
// references and compiling patterns on the way. Only schema positions are visited, so data
// (`enum`, `const`, `default`, `examples`) is never mistaken for a schema.
class RefRewriter {
 public:
  RefRewriter(SchemaBundle& bundle, Diagnostics& diags) : b_(bundle), diags_(diags) {}

  void run(bool check_dialects) {
    for (std::size_t i = 0; i < b_.files.size(); ++i) {
      if (check_dialects) check_dialect(i);
      push(i, "", &mutable_root(i));
    }
    while (!work_.empty()) {
      SchemaSite site = std::move(work_.front());  // first in, first out: diagnostics in file order
      work_.pop_front();
      visit(site);
    }
    check_ref_cycles();
  }

 private:
  rapidjson::Value& mutable_root(std::size_t i) { return b_.doc["d"][static_cast<rapidjson::SizeType>(i)]; }

  // A schema site is known by its node: every (file, pointer) names one node of the bundle, and
  // an address is hashed without building a key string per site.
  using Site = const rapidjson::Value*;

  void push(std::size_t file, std::string pointer, rapidjson::Value* node) {
    if (!seen_.emplace(node, Place{file, pointer}).second) return;
    work_.push_back(SchemaSite{file, std::move(pointer), node});
  }

  void error(std::size_t file, const std::string& pointer, std::string message, std::string hint = "") {
    diags_.push_back(Diagnostic{b_.sources[file].where(pointer), std::move(message), std::move(hint)});
  }
  // The same, for use as `return error(...)` in a function that answers false on failure.
  bool error(std::size_t file, const std::string& pointer, std::string message, std::string hint, bool result) {
    error(file, pointer, std::move(message), std::move(hint));
    return result;
  }

  void check_dialect(std::size_t i) {
    const rapidjson::Value& root = b_.file_root(i);
    if (!root.IsObject()) return;
    auto it = root.FindMember("$schema");
    if (it == root.MemberEnd() || !it->value.IsString()) return;
    std::string dialect = it->value.GetString();
    for (const char* ok : {"draft-07", "draft-06", "draft-04"}) {
      if (dialect.find(ok) != std::string::npos) return;
    }
    error(i, "/$schema", "unsupported JSON Schema dialect `" + dialect + "`",
          "schemas are validated as draft 7: use \"http://json-schema.org/draft-07/schema#\"");
  }

  void visit(const SchemaSite& s) {
    rapidjson::Value& node = *s.node;
    if (!node.IsObject()) return;  // boolean schemas need nothing; other types Valijson reports
    const Site from = s.node;
    auto ref = node.FindMember("$ref");
    if (ref != node.MemberEnd() && ref->value.IsString()) {
      // A reference that cannot be resolved has been reported; aiming it at an empty schema
      // keeps Valijson from trying to fetch it and piling a second, vaguer error on top.
      if (!rewrite_ref(s, ref->value)) ref->value.SetString(rapidjson::StringRef(kUnresolvedRef));
      return;  // draft 7: keywords beside $ref are ignored
    }
    // Keywords that apply a schema to the same value (not to a part of it) can loop: remember them.
    auto same_value = [](std::string_view keyword) {
      return keyword == "allOf" || keyword == "anyOf" || keyword == "oneOf" || keyword == "not" || keyword == "if" ||
             keyword == "then" || keyword == "else" || keyword == "dependencies";
    };
    auto child = [&](const char* keyword, rapidjson::Value& v) {
      std::string p = s.pointer;
      append_pointer_token(p, keyword);
      if (same_value(keyword)) edges_[from].push_back(Edge{&v, -1});
      push(s.file, std::move(p), &v);
    };
    auto children_of_map = [&](const char* keyword, rapidjson::Value& map) {
      if (!map.IsObject()) return;
      for (auto& m : map.GetObject()) {
        std::string p = s.pointer;
        append_pointer_token(p, keyword);
        append_pointer_token(p, std::string_view(m.name.GetString(), m.name.GetStringLength()));
        if (same_value(keyword)) edges_[from].push_back(Edge{&m.value, -1});
        push(s.file, std::move(p), &m.value);
      }
    };
    auto children_of_array = [&](const char* keyword, rapidjson::Value& arr) {
      if (!arr.IsArray()) return;
      for (rapidjson::SizeType k = 0; k < arr.Size(); ++k) {
        std::string p = s.pointer;
        append_pointer_token(p, keyword);
        append_pointer_index(p, k);
        if (same_value(keyword)) edges_[from].push_back(Edge{&arr[k], -1});
        push(s.file, std::move(p), &arr[k]);
      }
    };
    for (auto& m : node.GetObject()) {
      std::string_view key(m.name.GetString(), m.name.GetStringLength());
      if (key == "properties" || key == "definitions" || key == "$defs" || key == "dependencies") {
        children_of_map(m.name.GetString(), m.value);
      } else if (key == "patternProperties") {
        compile_pattern_keys(s, m.value);
        children_of_map(m.name.GetString(), m.value);
      } else if (key == "allOf" || key == "anyOf" || key == "oneOf") {
        children_of_array(m.name.GetString(), m.value);
      } else if (key == "items") {
        if (m.value.IsArray()) {
          children_of_array("items", m.value);
        } else {
          child("items", m.value);
        }
      } else if (key == "additionalItems" || key == "additionalProperties" || key == "contains" || key == "else" ||
                 key == "if" || key == "not" || key == "propertyNames" || key == "then") {
        child(m.name.GetString(), m.value);
      } else if (key == "pattern" && m.value.IsString()) {
        std::string p = s.pointer;
        append_pointer_token(p, "pattern");
        compile_pattern(s.file, p, m.value.GetString());
      }
    }
  }

  void compile_pattern(std::size_t file, const std::string& pointer, const std::string& pattern) {
    if (b_.patterns.count(pattern)) return;
    try {
      b_.patterns.emplace(pattern, std::regex(pattern, std::regex::ECMAScript));
    } catch (const std::regex_error& e) {
      error(file, pointer, "invalid regular expression `" + pattern + "`: " + e.what(),
            "patterns are ECMAScript regular expressions");
    }
  }

  void compile_pattern_keys(const SchemaSite& s, const rapidjson::Value& map) {
    if (!map.IsObject()) return;
    for (const auto& m : map.GetObject()) {
      std::string p = s.pointer;
      append_pointer_token(p, "patternProperties");
      append_pointer_token(p, m.name.GetString());
      compile_pattern(s.file, p, m.name.GetString());
    }
  }

  // Resolves `ref` relative to the file holding it, then rewrites it to "#/d/<index><pointer>".
  bool rewrite_ref(const SchemaSite& s, rapidjson::Value& ref) {
    std::string text(ref.GetString(), ref.GetStringLength());
    std::string at = s.pointer + "/$ref";
    std::size_t hash = text.find('#');
    std::string uri = text.substr(0, hash);
    std::string fragment_raw = hash == std::string::npos ? "" : text.substr(hash + 1);
    if (uri.find("://") != std::string::npos || uri.rfind("urn:", 0) == 0) {
      return error(s.file, at, "remote $ref `" + text + "` is not supported",
                   "put the schema under the schema folder and refer to it by relative path", false);
    }
    std::size_t target = s.file;
    if (!uri.empty()) {
      std::string decoded, joined;
      if (!percent_decode(uri, decoded) || !join_relative(b_.files[s.file], decoded, joined)) {
        return error(s.file, at, "$ref `" + text + "` leads outside the schema folder",
                     "references are paths relative to the file that holds them, e.g. \"common.json#/definitions/usage\"",
                     false);
      }
      auto it = b_.file_index.find(joined);
      if (it == b_.file_index.end()) {
        if (failed_.count(joined)) return false;  // already reported as invalid JSON
        return error(s.file, at, "$ref `" + text + "` refers to missing file `" + joined + "`",
                     did_you_mean(joined, b_.files), false);
      }
      target = it->second;
    }
    std::string fragment;
    if (!percent_decode(fragment_raw, fragment)) {
      return error(s.file, at, "$ref `" + text + "` has a malformed %-escape", "", false);
    }
    if (!fragment.empty() && fragment[0] != '/') {
      return error(s.file, at, "$ref `" + text + "` has a fragment that is not a JSON pointer",
                   "anchors by name are not supported; write \"#/definitions/name\"", false);
    }
    rapidjson::Value* node = const_cast<rapidjson::Value*>(resolve_pointer(mutable_root(target), fragment));
    if (!node) {
      return error(s.file, at,
                   "$ref `" + text + "` points to nothing: `" + fragment + "` does not exist in " + b_.files[target],
                   nearby_names(target, fragment), false);
    }
    std::string local = kBundleRefPrefix + std::to_string(target);
    for (char c : fragment) {
      if (c == '%') {
        local += "%25";  // Valijson percent-decodes reference pointers once more
      } else {
        local += c;
      }
    }
    ref.SetString(local.c_str(), static_cast<rapidjson::SizeType>(local.size()), b_.doc.GetAllocator());
    refs_.push_back(RefSite{s.file, at, &ref});
    edges_[s.node].push_back(Edge{node, static_cast<int>(refs_.size() - 1)});
    push(target, fragment, node);
    return true;
  }

  // "did you mean" among the keys beside the missing one, e.g. /definitions/usgae -> usage.
  std::string nearby_names(std::size_t file, const std::string& pointer) {
    std::size_t slash = pointer.rfind('/');
    if (slash == std::string::npos) return "";
    const rapidjson::Value* parent = resolve_pointer(b_.file_root(file), pointer.substr(0, slash));
    if (!parent || !parent->IsObject()) return "";
    std::vector<std::string> names;
    for (const auto& m : parent->GetObject()) names.emplace_back(m.name.GetString());
    std::vector<std::string> tokens;
    split_pointer(pointer.substr(slash), tokens);
    return tokens.empty() ? "" : did_you_mean(tokens[0], names);
  }

  // A loop of schemas applied to the same value ($ref, allOf, anyOf, oneOf, not, if/then/else,
  // dependencies) never reaches a part of the value, so Valijson (and any validator) would recurse
  // until the stack overflows. Every such loop goes through a $ref (containment only goes deeper):
  // report that $ref and aim it at the empty schema, which breaks the loop.
  void check_ref_cycles() {
    enum { kWhite, kGray, kBlack };
    std::unordered_map<Site, int> color;
    std::vector<Site> starts;
    for (const auto& e : edges_) starts.push_back(e.first);
    std::sort(starts.begin(), starts.end(), [&](Site a, Site b) {  // deterministic reports: in file order
      const Place& pa = seen_.at(a);
      const Place& pb = seen_.at(b);
      return pa.file != pb.file ? pa.file < pb.file : pa.pointer < pb.pointer;
    });
    struct Frame {
      Site key;
      std::size_t next = 0;
      int entered_by_ref = -1;
    };
    for (Site start : starts) {
      if (color[start] != kWhite) continue;
      std::vector<Frame> stack{Frame{start, 0, -1}};
      color[start] = kGray;
      while (!stack.empty()) {
        auto out = edges_.find(stack.back().key);
        if (out == edges_.end() || stack.back().next >= out->second.size()) {
          color[stack.back().key] = kBlack;
          stack.pop_back();
          continue;
        }
        const Edge e = out->second[stack.back().next++];
        if (e.ref >= 0 && broken_.count(e.ref)) continue;
        int& c = color[e.to];
        if (c == kWhite) {
          c = kGray;
          stack.push_back(Frame{e.to, 0, e.ref});
        } else if (c == kGray) {
          int culprit = e.ref;
          for (std::size_t i = stack.size(); culprit < 0 && i-- > 0 && stack[i].key != e.to;) {
            culprit = stack[i].entered_by_ref;
          }
          if (culprit >= 0) break_cycle(culprit);
        }
      }
    }
  }

  void break_cycle(int ref_index) {
    const RefSite& r = refs_[static_cast<std::size_t>(ref_index)];
    broken_.insert(ref_index);
    error(r.file, r.pointer, "$ref cycle: this reference leads back to the same schema for the same value (through $ref, "
                             "allOf, anyOf, oneOf, not or if/then/else), so validation would never end",
          "a recursive schema must go through properties or items, which descend into the value");
    r.ref->SetString(rapidjson::StringRef(kUnresolvedRef));
  }

  struct Edge {
    Site to;
    int ref;  // index in refs_ when the edge is a $ref, else -1
  };

  struct RefSite {
    std::size_t file;
    std::string pointer;
    rapidjson::Value* ref;
  };

 public:
  std::set<std::string> failed_;  // files that exist but did not parse

 private:
  SchemaBundle& b_;
  Diagnostics& diags_;
  struct Place {
    std::size_t file;
    std::string pointer;
  };
  std::deque<SchemaSite> work_;
  std::unordered_map<Site, Place> seen_;  // every site visited or queued, and where it is
  std::vector<RefSite> refs_;
  std::unordered_map<Site, std::vector<Edge>> edges_;  // same-value edges between schema sites
  std::set<int> broken_;
};

}  // namespace

bool decode_bundle_ref(const char* ref, std::size_t length, std::size_t& file, std::string& pointer) {
  std::string_view text(ref, length);
  std::string_view prefix(kBundleRefPrefix);
  if (text.substr(0, prefix.size()) != prefix) return false;
  std::size_t i = prefix.size();
  if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
  file = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') file = file * 10 + static_cast<std::size_t>(text[i++] - '0');
  return percent_decode(text.substr(i), pointer);
}

std::string schema_location(const SchemaBundle& bundle, std::size_t file, const std::string& pointer) {
  return bundle.files[file] + "#" + pointer;
}

namespace {

void start_bundle(SchemaBundle& out) {
  out.doc.SetObject();
  auto& alloc = out.doc.GetAllocator();
  out.doc.AddMember("$ref", rapidjson::Value(kBundleRefPrefix + std::string("0"), alloc), alloc);
  out.doc.AddMember("d", rapidjson::Value(rapidjson::kArrayType), alloc);
  out.doc.AddMember("u", rapidjson::Value(rapidjson::kObjectType), alloc);  // target of unresolved refs
}

// Parses `text` straight into the bundle's memory (no copy) as the next file; false when it is
// not JSON (reported in `diags`).
bool add_file(SchemaBundle& out, const std::string& rel, const std::string& display, std::string text, Diagnostics& diags) {
  auto& alloc = out.doc.GetAllocator();
  LocatedJson source;
  Diagnostic diag;
  rapidjson::Document file(&alloc);
  if (!source.parse(display, std::move(text), file, diag)) {
    diags.push_back(diag);
    return false;
  }
  out.file_index.emplace(rel, out.files.size());
  out.files.push_back(rel);
  out.doc["d"].PushBack(file.Move(), alloc);
  out.sources.push_back(std::move(source));
  return true;
}

}  // namespace

void build_inline_schema_bundle(const std::string& name, std::string text, SchemaBundle& out, Diagnostics& diags) {
  start_bundle(out);
  if (!add_file(out, name, name, std::move(text), diags)) return;
  RefRewriter(out, diags).run(false);
}

void build_schema_bundle(const std::string& root, SchemaBundle& out, Diagnostics& diags) {
  start_bundle(out);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    diags.push_back(Diagnostic{SourceLocation{root, 0, 0}, "schema folder not found", "pass the folder that holds the *.json schemas, e.g. schemas/"});
    return;
  }
  std::set<std::string> failed;
  ContentHash digest;
  for (const std::string& rel : list_json_files(root)) {
    std::string path = display_path(root, rel);
    std::ifstream in(fs::path(root) / rel, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
      diags.push_back(Diagnostic{SourceLocation{path, 0, 0}, "cannot read schema file", ""});
      failed.insert(rel);
      digest.add_file(rel, "(unreadable)");
      continue;
    }
    std::string bytes = text.str();
    digest.add_file(rel, bytes);
    if (!add_file(out, rel, path, std::move(bytes), diags)) failed.insert(rel);
  }
  out.digest = digest.hex();
  RefRewriter rewriter(out, diags);
  rewriter.failed_ = std::move(failed);
  rewriter.run(true);
}

}  // namespace ac
