#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "cli/app.hpp"
#include "cli/cli_spec.hpp"
#include "cli/completions.hpp"
#include "cli/man_page.hpp"
#include "unit/results/scratch_dir.hpp"

namespace ac {
namespace {

using testing::read_text;
using testing::ScratchDir;
using testing::write_text;

// The real command line, as the binary builds it.
struct RealCli {
  CLI::App app{"", "apiconform"};
  Action action;
  RealCli() { build_cli(app, action, "apiconform"); }
  CliSpec spec() const { return describe_cli(app); }
};

std::string roff_name(const std::string& name) {
  std::string out;
  for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

// Runs a shell snippet and returns its standard output ("" when the shell failed).
std::string shell(const std::string& command, const ScratchDir& dir, int* status = nullptr) {
  const std::string out = dir.file("shell.out");
  const int rc = std::system((command + " > '" + out + "' 2>&1").c_str());
  if (status) *status = rc;
  return read_text(out);
}

bool have(const char* program) {
  return std::system((std::string("command -v ") + program + " >/dev/null 2>&1").c_str()) == 0;
}

TEST(CliSpec, ListsEveryVisibleCommandAndHidesGenerate) {
  const CliSpec spec = RealCli().spec();
  std::vector<std::string> names;
  for (const auto& c : spec.commands) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"run", "lint", "serve", "proxy", "list", "check-stream", "report", "diff",
                                             "init", "merge", "replay"}));
  std::set<std::string> top;
  for (const auto& o : spec.program.options) top.insert(o.names.begin(), o.names.end());
  EXPECT_TRUE(top.count("--version") && top.count("--help") && top.count("-h"));
}

TEST(CliSpec, ReadsValuesChoicesAndRepeats) {
  const CliSpec spec = RealCli().spec();
  const CommandSpec* list = nullptr;
  const CommandSpec* run = nullptr;
  for (const auto& c : spec.commands) {
    if (c.name == "list") list = &c;
    if (c.name == "run") run = &c;
  }
  ASSERT_TRUE(list && run);
  ASSERT_EQ(list->positionals.size(), 1u);
  EXPECT_EQ(list->positionals[0].positional, "what");
  EXPECT_TRUE(list->positionals[0].required);
  EXPECT_EQ(list->positionals[0].choices,
            (std::vector<std::string>{"cases", "features", "providers", "faults", "dialects", "formats"}));
  bool provider = false, strict = false, jobs = false;
  for (const auto& o : run->options) {
    if (o.names.front() == "--provider") provider = o.takes_value() && o.repeatable;
    if (o.names.front() == "--strict") strict = !o.takes_value();
    if (o.names.front() == "--jobs") jobs = o.names == std::vector<std::string>{"--jobs", "-j"} && o.value_name == "INT";
  }
  EXPECT_TRUE(provider);
  EXPECT_TRUE(strict);
  EXPECT_TRUE(jobs);
  EXPECT_NE(run->footer.find("embedded reference simulator"), std::string::npos);  // its own, not the program's
}

TEST(ManPage, DescribesEveryCommandAndOption) {
  const CliSpec spec = RealCli().spec();
  const std::string man = man_page(spec, "9.9.9");
  EXPECT_EQ(man.find(".TH APICONFORM 1 \"\" \"apiconform 9.9.9\""), man.find(".TH"));
  for (const char* section : {".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS", ".SH ENVIRONMENT", ".SH FILES"})
    EXPECT_NE(man.find(section), std::string::npos) << section;
  for (const auto& c : spec.commands) {
    EXPECT_NE(man.find(".SS \\fBapiconform " + roff_name(c.name) + "\\fR"), std::string::npos) << c.name;
    for (const auto& o : c.options) {
      for (const auto& n : o.names) EXPECT_NE(man.find("\\fB" + roff_name(n) + "\\fR"), std::string::npos) << c.name << " " << n;
    }
    for (const auto& p : c.positionals) EXPECT_NE(man.find("\\fI" + p.positional + "\\fR"), std::string::npos);
  }
  EXPECT_NE(man.find("APICONFORM_DATA_DIR"), std::string::npos);
  EXPECT_EQ(man.find("\ngenerate"), std::string::npos);
}

TEST(ManPage, NoLineOfTextIsTakenForARequest) {
  CliSpec spec;
  spec.program.description = "apiconform: x";
  CommandSpec c;
  c.name = "run";
  c.description = "Run";
  c.footer = "first\n.not a request\n'nor this\nback\\slash";
  spec.commands.push_back(c);
  const std::string man = man_page(spec, "1");
  EXPECT_NE(man.find("\n\\&.not a request\n\\&'nor this\nback\\eslash"), std::string::npos) << man;
}

TEST(ManPage, FormatsWithGroffWhenInstalled) {
  if (!have("groff")) GTEST_SKIP() << "groff is not installed";
  ScratchDir dir;
  write_text(dir.file("apiconform.1"), man_page(RealCli().spec(), "1"));
  int status = 0;
  const std::string text = shell("groff -man -Tutf8 -ww -z '" + dir.file("apiconform.1") + "'", dir, &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(text, "") << "groff warnings:\n" << text;
}

TEST(BashCompletion, LoadsAndCompletesCommandsOptionsAndChoices) {
  ScratchDir dir;
  write_text(dir.file("apiconform.bash"), bash_completion(RealCli().spec()));
  const std::string script = dir.file("apiconform.bash");
  auto complete = [&](const std::string& words, int cword) {
    return shell("bash -c 'source \"" + script + "\"; COMP_WORDS=(" + words + "); COMP_CWORD=" + std::to_string(cword) +
                     "; _apiconform; printf \"%s\\n\" \"${COMPREPLY[@]}\"'",
                 dir);
  };
  EXPECT_EQ(shell("bash -c 'source \"" + script + "\"; complete -p apiconform'", dir),
            "complete -F _apiconform apiconform\n");
  EXPECT_EQ(complete("apiconform li", 1), "lint\nlist\n");
  EXPECT_EQ(complete("apiconform list f", 2), "features\nfaults\nformats\n");
  EXPECT_EQ(complete("apiconform run --strict --no-p", 3), "--no-progress\n--no-preflight\n");
  EXPECT_EQ(complete("apiconform init x --auth b", 4), "bearer\n");
  EXPECT_EQ(complete("apiconform --vers", 1), "--version\n");
}

TEST(ZshCompletion, IsValidZsh) {
  if (!have("zsh")) GTEST_SKIP() << "zsh is not installed (Debian: zsh)";
  ScratchDir dir;
  const std::string text = zsh_completion(RealCli().spec());
  EXPECT_EQ(text.rfind("#compdef apiconform\n", 0), 0u);
  write_text(dir.file("_apiconform"), text);
  int status = 0;
  const std::string out = shell("zsh -n '" + dir.file("_apiconform") + "'", dir, &status);
  EXPECT_EQ(status, 0) << out;
}

TEST(FishCompletion, IsValidFishAndCompletes) {
  if (!have("fish")) GTEST_SKIP() << "fish is not installed (Debian: fish)";
  ScratchDir dir;
  write_text(dir.file("apiconform.fish"), fish_completion(RealCli().spec()));
  const std::string script = dir.file("apiconform.fish");
  int status = 0;
  const std::string out = shell("fish -n '" + script + "'", dir, &status);
  ASSERT_EQ(status, 0) << out;
  auto complete = [&](const std::string& line) {
    return shell("fish -N -c 'source \"" + script + "\"; complete -C \"" + line + "\"'", dir);
  };
  EXPECT_NE(complete("apiconform li").find("list\tList cases"), std::string::npos) << complete("apiconform li");
  EXPECT_EQ(complete("apiconform list fo"), "formats\tcases | features | providers | faults | dialects | formats\n");
  EXPECT_NE(complete("apiconform run --no-pre").find("--no-preflight\t"), std::string::npos);
}

}  // namespace
}  // namespace ac
