#include "cli/cli_spec.hpp"

namespace ac {

namespace {

// CLI::IsMember describes itself as "{a,b,c}" after the type name: "TEXT:{cases,features}".
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> out;
  const auto open = type_name.find(":{");
  const auto close = type_name.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::string item;
  for (char c : type_name.substr(open + 2, close - open - 2)) {
    if (c == ',') {
      out.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  if (!item.empty()) out.push_back(item);
  return out;
}

OptionSpec option_spec(const CLI::Option& o) {
  OptionSpec s;
  for (const auto& n : o.get_snames()) s.names.push_back("-" + n);
  for (const auto& n : o.get_lnames()) s.names.push_back("--" + n);
  // Long names first: they are what the docs use.
  std::stable_partition(s.names.begin(), s.names.end(), [](const std::string& n) { return n.rfind("--", 0) == 0; });
  if (o.get_positional() && s.names.empty()) s.positional = o.get_name(true);
  s.description = o.get_description();
  if (o.get_items_expected_max() > 0) {
    const std::string type = o.get_type_name();
    s.value_name = type.substr(0, type.find(':'));
    if (s.value_name.empty()) s.value_name = "VALUE";
    s.choices = choices_of(type);
  }
  s.repeatable = o.get_items_expected_max() > 1;
  s.required = o.get_required();
  return s;
}

CommandSpec command_spec(const CLI::App& app, const std::string& program_footer) {
  CommandSpec c;
  c.name = app.get_parent() ? app.get_name() : "";
  c.description = app.get_description();
  c.footer = app.get_footer() == program_footer && app.get_parent() ? "" : app.get_footer();
  for (const CLI::Option* o : app.get_options()) {
    OptionSpec s = option_spec(*o);
    (s.names.empty() ? c.positionals : c.options).push_back(std::move(s));
  }
  return c;
}

}  // namespace

CliSpec describe_cli(const CLI::App& app) {
  CliSpec spec;
  spec.program = command_spec(app, "");
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); }))
    spec.commands.push_back(command_spec(*sub, app.get_footer()));
  return spec;
}

}  // namespace ac
