// Both walks over the official JSON-Schema-Test-Suite, draft 7 (Debian package
// json-schema-test-suite, installed by ci/setup.sh with the other test dependencies). Every test
// of every file below tests/draft7/ runs, except those listed in kSkipped with the reason: the
// validity walk must give the suite's verdict, and the explaining walk must give at least one
// located error exactly when the value is invalid.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "schema/pointer.hpp"
#include "schema/registry.hpp"

namespace ac {
namespace {

namespace fs = std::filesystem;

// Where Debian installs the suite; APICONFORM_JSON_SCHEMA_TEST_SUITE overrides it.
fs::path suite_dir() {
  if (const char* dir = std::getenv("APICONFORM_JSON_SCHEMA_TEST_SUITE")) return dir;
  return "/usr/share/json-schema-test-suite";
}

// What is not run, and why. A file name skips the whole file; "file|group description" skips one
// group of tests. Everything else must pass.
const std::map<std::string, std::string> kSkipped = {
    {"refRemote.json", "remote references (http://localhost:1234/...) are refused by design: a schema "
                       "is a file under the schema folder (docs/schemas.md)"},
    {"definitions.json", "validates against the draft-7 meta-schema, a remote reference "
                         "(http://json-schema.org/draft-07/schema#), which is refused by design"},
    {"ref.json|remote ref, containing refs itself", "a remote reference to the meta-schema, refused by design"},
    {"ref.json|Recursive references between schemas", "resolves `$ref`s against `$id`, which is not used for "
                                                      "resolution (docs/schemas.md, Known limits)"},
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Tally {
  int run = 0, invalid = 0;
};

void run_file(const fs::path& file, Tally& tally) {
  const std::string name = file.filename().string();
  rapidjson::Document groups;
  groups.Parse(read(file).c_str());
  ASSERT_TRUE(groups.IsArray()) << file;
  for (const auto& group : groups.GetArray()) {
    const std::string description = group["description"].GetString();
    if (kSkipped.count(name + "|" + description)) continue;
    const std::string where = name + " / " + description;
    Diagnostics diags;
    auto schema = SchemaRegistry::from_json("suite.json", group["schema"], diags);
    ASSERT_TRUE(diags.empty()) << where << ": " << format_diagnostic(diags[0]);
    for (const auto& test : group["tests"].GetArray()) {
      const std::string what = where + " / " + test["description"].GetString();
      const bool expected = test["valid"].GetBool();
      const rapidjson::Value& data = test["data"];
      ++tally.run;
      EXPECT_EQ(schema->is_valid("suite.json", data), expected) << "validity walk: " << what;
      const std::vector<SchemaError> errors = schema->validate("suite.json", data);
      EXPECT_EQ(errors.empty(), expected) << "explaining walk: " << what;
      if (expected) continue;
      ++tally.invalid;
      for (const SchemaError& e : errors) {
        // Located: a keyword, its place in the schema, and a pointer that exists in the value.
        EXPECT_FALSE(e.keyword.empty()) << what;
        EXPECT_NE(e.keyword, "schema") << what << ": an unexplained rejection: " << e.message;
        EXPECT_EQ(e.schema_path.rfind("suite.json#", 0), 0u) << what << ": " << e.schema_path;
        EXPECT_NE(resolve_pointer(data, e.pointer), nullptr) << what << ": no " << e.pointer << " in the value";
        EXPECT_FALSE(e.message.empty()) << what;
      }
    }
  }
}

TEST(JsonSchemaTestSuite, BothWalksAgreeWithEveryDraft7Test) {
  const fs::path draft7 = suite_dir() / "tests" / "draft7";
  ASSERT_TRUE(fs::is_directory(draft7)) << draft7 << " is missing: install the Debian package json-schema-test-suite "
                                        << "(ci/setup.sh does), or point APICONFORM_JSON_SCHEMA_TEST_SUITE at a checkout";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(draft7))  // not optional/: draft 7 makes those keywords optional
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 30u);
  Tally tally;
  for (const fs::path& f : files) {
    if (kSkipped.count(f.filename().string())) continue;
    run_file(f, tally);
  }
  EXPECT_GT(tally.run, 400);  // the suite was really read
  EXPECT_GT(tally.invalid, 150);
}

// The skip list names only what exists: a renamed file or group would otherwise be skipped silently.
TEST(JsonSchemaTestSuite, EverySkipNamesAFileOrGroupOfTheSuite) {
  const fs::path draft7 = suite_dir() / "tests" / "draft7";
  ASSERT_TRUE(fs::is_directory(draft7));
  for (const auto& [key, reason] : kSkipped) {
    const std::string file = key.substr(0, key.find('|'));
    ASSERT_TRUE(fs::exists(draft7 / file)) << key;
    if (key.find('|') == std::string::npos) continue;
    const std::string group = key.substr(key.find('|') + 1);
    rapidjson::Document groups;
    groups.Parse(read(draft7 / file).c_str());
    bool found = false;
    for (const auto& g : groups.GetArray()) found = found || group == g["description"].GetString();
    EXPECT_TRUE(found) << key << " (" << reason << ")";
  }
}

}  // namespace
}  // namespace ac
