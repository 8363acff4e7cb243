#include "load/var_override.hpp"

#include "load/located_yaml.hpp"
#include "load/provider_parser.hpp"
#include "util/json_render.hpp"

namespace ac {

bool parse_var_assignment(const std::string& text, std::string& name, std::string& json, std::string& error) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos) {
    error = "--var takes NAME=VALUE (got '" + text + "')";
    return false;
  }
  name = text.substr(0, eq);
  if (!valid_var_name(name)) {
    error = "--var: `" + name + "` is not a variable name (letters, digits, `_`, `.`, `-`; not `env.`)";
    return false;
  }
  const std::string value = text.substr(eq + 1);
  try {
    YAML::Node node = YAML::Load(value);
    if (value.empty() || node.IsNull()) {
      // An empty value means the empty string, not null: `--var suffix=` blanks a text variable.
      json = value.empty() ? "\"\"" : "null";
      return true;
    }
    const bool flow = value[0] == '[' || value[0] == '{';
    if (!node.IsScalar() && !flow) {  // `a: b` reads as a mapping, but was meant as text
      json = json_quote(value);
      return true;
    }
    YAML::Mark at;
    if (!yaml_to_json(node, json, error, at)) {
      error = "--var " + name + ": " + error;
      return false;
    }
  } catch (const YAML::Exception& e) {
    // Text YAML cannot read (`[x`, `a: b: c`) is still a fine string value.
    json = json_quote(value);
  }
  return true;
}

bool is_model_var(const std::string& name) {
  const std::string suffix = "_model";
  return name == "model" || name == "model_id" ||
         (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0);
}

void apply_model_override(Provider& p, const std::string& model) {
  const std::string json = json_quote(model);
  p.vars["model"] = json;
  for (auto& [name, value] : p.vars)
    if (is_model_var(name)) value = json;
}

}  // namespace ac
