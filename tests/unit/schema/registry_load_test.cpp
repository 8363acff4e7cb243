#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "schema/registry.hpp"

#include "support/run_binary.hpp"

namespace ac {
namespace {

std::string fixtures(const std::string& folder) {
  return ((std::filesystem::path(test::source_dir()) / "tests/unit/schema") / "schemas" / folder).string();
}

const Diagnostic* find_diag(const Diagnostics& diags, const std::string& needle) {
  for (const Diagnostic& d : diags) {
    if (d.message.find(needle) != std::string::npos) return &d;
  }
  return nullptr;
}

std::string all_messages(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags) out += format_diagnostic(d);
  return out;
}

TEST(SchemaRegistryLoad, GoodFolderLoadsWithoutDiagnostics) {
  Diagnostics diags;
  auto registry = SchemaRegistry::load(fixtures("good"), diags);
  ASSERT_NE(registry, nullptr);
  EXPECT_TRUE(diags.empty()) << all_messages(diags);
}

TEST(SchemaRegistryLoad, HasKnowsFilesDefinitionsAndFragments) {
  Diagnostics diags;
  auto registry = SchemaRegistry::load(fixtures("good"), diags);
  EXPECT_TRUE(registry->has("anthropic/message.json"));
  EXPECT_TRUE(registry->has("common.json"));
  EXPECT_TRUE(registry->has("anthropic/nested/deep.json"));
  EXPECT_TRUE(registry->has("bom.json"));  // starts with a UTF-8 byte order mark
  EXPECT_TRUE(registry->has("common.json#/definitions/usage"));
  EXPECT_TRUE(registry->has("common.json#/definitions/a~1b"));
  EXPECT_TRUE(registry->has("anthropic/message.json#/properties/content"));  // any pointer, not only definitions
  EXPECT_FALSE(registry->has("anthropic/missing.json"));
  EXPECT_FALSE(registry->has("message.json"));  // paths are relative to the root, not searched
  EXPECT_FALSE(registry->has("common.json#/definitions/nope"));
  EXPECT_FALSE(registry->has("common.json#definitions"));  // a fragment must be a JSON pointer
}

TEST(SchemaRegistryLoad, HintForAnUnknownReferenceNamesWhatExists) {
  Diagnostics diags;
  auto registry = SchemaRegistry::load(fixtures("good"), diags);
  EXPECT_EQ(registry->hint_for("anthropic/mesage.json"), "did you mean `anthropic/message.json`?");
  EXPECT_EQ(registry->hint_for("common.json#/definitions/usgae"), "did you mean `common.json#/definitions/usage`?");
  EXPECT_NE(registry->hint_for("anthropic/message.json#/nope").find("JSON pointer"), std::string::npos);
}

TEST(SchemaRegistryLoad, InvalidJsonIsLocatedAtLineAndColumn) {
  Diagnostics diags;
  auto registry = SchemaRegistry::load(fixtures("bad_json"), diags);
  const Diagnostic* d = find_diag(diags, "Missing a comma or '}'");
  ASSERT_NE(d, nullptr) << all_messages(diags);
  EXPECT_EQ(d->where.file, fixtures("bad_json") + "/broken.json");
  EXPECT_EQ(d->where.line, 5);  // the member after the missing comma
  EXPECT_EQ(d->where.column, 5);
  EXPECT_FALSE(registry->has("broken.json"));
}

TEST(SchemaRegistryLoad, TrailingTextAfterTheDocumentIsLocated) {
  Diagnostics diags;
  SchemaRegistry::load(fixtures("bad_json"), diags);
  const Diagnostic* d = find_diag(diags, "after the end of the document");
  ASSERT_NE(d, nullptr) << all_messages(diags);
  EXPECT_EQ(d->where.line, 1);
  EXPECT_EQ(d->where.column, 20);
}

TEST(SchemaRegistryLoad, RefToMissingFileIsLocatedAtTheRef) {
  Diagnostics diags;
  SchemaRegistry::load(fixtures("missing_ref"), diags);
  const Diagnostic* d = find_diag(diags, "refers to missing file `nothere.json`");
  ASSERT_NE(d, nullptr) << all_messages(diags);
  EXPECT_EQ(d->where.file, fixtures("missing_ref") + "/uses.json");
  EXPECT_EQ(d->where.line, 4);
  EXPECT_EQ(d->where.column, 19);  // the "$ref" value
}

TEST(SchemaRegistryLoad, RefToMissingFileSuggestsACloseName) {
  Diagnostics diags;
  SchemaRegistry::load(fixtures("missing_ref"), diags);
  const Diagnostic* d = find_diag(diags, "`comon.json#/definitions/usage` refers to missing file");
  ASSERT_NE(d, nullptr) << all_messages(diags);
  EXPECT_NE(d->hint.find("common.json"), std::string::npos) << d->hint;
  EXPECT_EQ(d->where.line, 8);
}

TEST(SchemaRegistryLoad, RefToMissingPointerNamesItAndSuggests) {
  Diagnostics diags;
  SchemaRegistry::load(fixtures("missing_ref"), diags);
  const Diagnostic* d = find_diag(diags, "points to nothing: `/definitions/usgae` does not exist in common.json");
  ASSERT_NE(d, nullptr) << all_messages(diags);
  EXPECT_EQ(d->where.line, 5);
  EXPECT_NE(d->hint.find("usage"), std::string::npos) << d->hint;
}

TEST(SchemaRegistryLoad, RefsLeavingTheRootOrRemoteAreRejected) {
  Diagnostics diags;
  SchemaRegistry::load(fixtures("missing_ref"), diags);
  const Diagnostic* outside = find_diag(diags, "leads outside the schema folder");
  ASSERT_NE(outside, nullptr) << all_messages(diags);
  EXPECT_EQ(outside->where.line, 6);
  const Diagnostic* remote = find_diag(diags, "remote $ref `https://example.com/schema.json`");
  ASSERT_NE(remote, nullptr) << all_messages(diags);
  EXPECT_EQ(remote->where.line, 7);
  EXPECT_EQ(diags.size(), 5u) << all_messages(diags);
}

TEST(SchemaRegistryLoad, SchemaValijsonRejectsIsADiagnosticNotACrash) {
  Diagnostics diags;
  auto registry = SchemaRegistry::load(fixtures("rejected"), diags);
  ASSERT_EQ(diags.size(), 1u) << all_messages(diags);
  EXPECT_NE(diags[0].message.find("schema rejected by the validator"), std::string::npos);
  EXPECT_EQ(diags[0].where.file, fixtures("rejected") + "/bad_type.json");
  EXPECT_GT(diags[0].where.line, 0);
  // Validating against it says why instead of crashing.
  rapidjson::Document doc;
  doc.Parse("{}");
  auto errors = registry->validate("bad_type.json", doc);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("could not be compiled"), std::string::npos);
}

// The proof is split between two threads by whole files, the files with most entry points
// first: here second.json (three) is proved on this thread, first.json and third.json (one each)
// on the other. The rejection found there is reported at its file, and the good files validate.
// (The `rejected` folder has its one bad file in this thread's part.)
TEST(SchemaRegistryLoad, RejectionFoundByTheOtherProofThreadIsReported) {
  Diagnostics diags;
  auto registry = SchemaRegistry::load(fixtures("rejected_small"), diags);
  ASSERT_EQ(diags.size(), 1u) << all_messages(diags);
  EXPECT_NE(diags[0].message.find("schema rejected by the validator"), std::string::npos);
  EXPECT_EQ(diags[0].where.file, fixtures("rejected_small") + "/first.json");
  rapidjson::Document doc;
  doc.Parse("\"text\"");
  EXPECT_TRUE(registry->validate("third.json", doc).empty());
  doc.Parse("1");
  EXPECT_FALSE(registry->validate("third.json", doc).empty());
  doc.Parse("{\"c\": 2}");
  EXPECT_TRUE(registry->validate("second.json", doc).empty());
}

TEST(SchemaRegistryLoad, PureRefCycleIsReported) {
  Diagnostics diags;
  SchemaRegistry::load(fixtures("cycle"), diags);
  const Diagnostic* d = find_diag(diags, "$ref cycle");
  ASSERT_NE(d, nullptr) << all_messages(diags);
  EXPECT_EQ(d->where.file, fixtures("cycle") + "/loop.json");
  EXPECT_GE(d->where.line, 3);
}

TEST(SchemaRegistryLoad, LoopThroughAllOfAndAnyOfIsReportedNotRecursedForever) {
  Diagnostics diags;
  auto registry = SchemaRegistry::load(fixtures("cycle_applicator"), diags);
  ASSERT_EQ(diags.size(), 1u) << all_messages(diags);
  EXPECT_NE(diags[0].message.find("$ref cycle"), std::string::npos);
  EXPECT_EQ(diags[0].where.line, 4);  // the $ref that closes the loop
  rapidjson::Document doc;
  doc.Parse(R"({"b": 1})");
  registry->validate("left.json", doc);  // the loop is broken: this returns
}

TEST(SchemaRegistryLoad, InvalidRegexIsLocatedAtThePattern) {
  Diagnostics diags;
  SchemaRegistry::load(fixtures("bad_regex"), diags);
  const Diagnostic* d = find_diag(diags, "invalid regular expression `^(msg_`");
  ASSERT_NE(d, nullptr) << all_messages(diags);
  EXPECT_EQ(d->where.line, 4);
  EXPECT_EQ(d->where.column, 41);
}

TEST(SchemaRegistryLoad, MissingFolderIsADiagnostic) {
  Diagnostics diags;
  auto registry = SchemaRegistry::load(fixtures("no-such-folder"), diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].message.find("schema folder not found"), std::string::npos);
  EXPECT_FALSE(registry->has("anything.json"));
}

TEST(SchemaRegistryLoad, DiagnosticFormatShowsLineAndCaret) {
  Diagnostics diags;
  SchemaRegistry::load(fixtures("missing_ref"), diags);
  const Diagnostic* d = find_diag(diags, "nothere.json");
  ASSERT_NE(d, nullptr);
  std::string text = format_diagnostic(*d);
  EXPECT_NE(text.find("uses.json:4:19: error:"), std::string::npos) << text;
  EXPECT_NE(text.find("\"a\": {\"$ref\": \"nothere.json\"}"), std::string::npos) << text;
}

}  // namespace
}  // namespace ac

namespace ac {
namespace {

// A root's requests/ folder is a registry of its own (proxy mode's request schemas): the root's
// registry neither reads nor reports it, loaded from requests/ it is an ordinary root.
TEST(SchemaRegistryLoad, ARootsRequestsFolderIsLeftToItsOwnRegistry) {
  test::TempDir root;
  root.write("reply.json", R"({"type": "object"})");
  root.write("requests/anthropic/request.json", R"({"type": "object", "required": ["model"]})");
  root.write("requests/broken.json", "{");
  root.write("nested/requests/kept.json", R"({"type": "string"})");
  Diagnostics diags;
  auto registry = SchemaRegistry::load(root.path(), diags);
  EXPECT_TRUE(diags.empty()) << diags.front().message;
  EXPECT_TRUE(registry->has("reply.json"));
  EXPECT_FALSE(registry->has("requests/anthropic/request.json"));
  EXPECT_TRUE(registry->has("nested/requests/kept.json")) << "only the root's own requests/ folder";
  Diagnostics request_diags;
  auto requests = SchemaRegistry::load(root.path() + "/requests", request_diags);
  EXPECT_TRUE(requests->has("anthropic/request.json"));
  EXPECT_EQ(request_diags.size(), 1u) << "its broken file is its own registry's problem";
}

}  // namespace
}  // namespace ac

#include "schema/bundle.hpp"

namespace ac {
namespace {

// A folder with the digest proven when the binary was built skips Valijson's proof; a folder
// whose bytes differ in any way is proven. Shown with a schema Valijson rejects: only the
// proof says so.
TEST(SchemaRegistryLoad, AFolderWithTheProvenDigestIsNotProvenAgain) {
  test::TempDir root;
  root.write("a.json", R"({"type": "object"})");
  root.write("b.json", R"({"minimum": "zero"})");
  SchemaBundle bundle;
  Diagnostics bundle_diags;
  build_schema_bundle(root.path(), bundle, bundle_diags);
  ASSERT_EQ(bundle.digest.size(), 16u);

  Diagnostics proven;
  SchemaLoadOptions options;
  options.proven_digest = bundle.digest;
  auto registry = SchemaRegistry::load(root.path(), proven, options);
  EXPECT_TRUE(proven.empty()) << all_messages(proven);
  rapidjson::Document doc;
  doc.Parse("[]");
  EXPECT_EQ(registry->validate("a.json", doc).size(), 1u) << "it still judges";

  Diagnostics unproven;
  SchemaRegistry::load(root.path(), unproven);
  EXPECT_EQ(unproven.size(), 1u) << "no digest given: proven";

  root.write("a.json", R"({"type": "object" })");
  Diagnostics changed;
  SchemaRegistry::load(root.path(), changed, options);
  EXPECT_EQ(changed.size(), 1u) << "one byte more: proven";
}

TEST(SchemaRegistryLoad, TheDigestCoversNamesAndBytesNotWhereTheFolderIs) {
  test::TempDir one, two;
  for (const test::TempDir* root : {&one, &two}) root->write("x/a.json", R"({"type": "string"})");
  SchemaBundle a, b;
  Diagnostics diags;
  build_schema_bundle(one.path(), a, diags);
  build_schema_bundle(two.path() + "/", b, diags);
  EXPECT_EQ(a.digest, b.digest);
  two.write("x/b.json", "{}");
  SchemaBundle c;
  build_schema_bundle(two.path(), c, diags);
  EXPECT_NE(a.digest, c.digest) << "a new file";
  test::TempDir three;
  three.write("y/a.json", R"({"type": "string"})");
  SchemaBundle d;
  build_schema_bundle(three.path(), d, diags);
  EXPECT_NE(a.digest, d.digest) << "a renamed file";
}

}  // namespace
}  // namespace ac
