#include "load/provider_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/provider_parser.hpp"
#include "util/suggest.hpp"

namespace ac {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Diagnostics load_provider_from_string(const std::string& yaml, const std::string& file_name, Provider& out) {
  Diagnostics diags;
  YamlFile f(file_name, diags);
  try {
    const auto docs = parse_yaml(yaml, f);
    if (docs.size() > 1) f.error(docs[1], "a provider profile holds one YAML document");
    if (docs.empty() && diags.empty()) f.error(SourceLocation{file_name, 1, 1}, "the profile is empty");
    if (!docs.empty()) parse_provider(docs[0], f, out);
  } catch (const std::exception& e) {
    f.error(SourceLocation{file_name, 1, 1}, std::string("cannot read the profile: ") + e.what());
  }
  return diags;
}

Diagnostics load_provider_file(const std::string& path, Provider& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {Diagnostic{{path, 0, 0}, "cannot open the provider profile", ""}};
  std::stringstream text;
  text << in.rdbuf();
  return load_provider_from_string(text.str(), path, out);
}

std::vector<std::string> list_provider_names(const std::string& providers_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(providers_dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if ((p.extension() == ".yaml" || p.extension() == ".yml") && it->is_regular_file(ec))
      names.push_back(p.stem().string());
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

Diagnostics load_provider(const std::string& name_or_path, const std::string& providers_dir, Provider& out) {
  if (ends_with(name_or_path, ".yaml") || ends_with(name_or_path, ".yml")) return load_provider_file(name_or_path, out);
  for (const char* ext : {".yaml", ".yml"}) {
    const fs::path candidate = fs::path(providers_dir) / (name_or_path + ext);
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return load_provider_file(candidate.string(), out);
  }
  const auto names = list_provider_names(providers_dir);
  std::string message = "unknown provider `" + name_or_path + "`; ";
  message += names.empty() ? "there is no profile in " + providers_dir : "available: " + list_choices(names);
  std::string hint = names.empty() ? "" : did_you_mean(name_or_path, names);
  if (hint.rfind("did you", 0) != 0) hint = "or give the path of a profile, e.g. providers/my-gateway.yaml";
  return {Diagnostic{{providers_dir, 0, 0}, message, hint}};
}

}  // namespace ac
