// The binary carries the digest of the shipped schemas as Valijson proved them at build time, so
// a run on them skips the proof (docs/schemas.md); a copy with one schema broken is proven.
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>

#include "cli/suite.hpp"
#include "schema/bundle.hpp"
#include "support/run_binary.hpp"

namespace ac {
namespace {

namespace fs = std::filesystem;

TEST(ProvenSchemas, TheShippedFolderCarriesTheDigestTheBuildProved) {
  SchemaBundle bundle;
  Diagnostics diags;
  build_schema_bundle(test::source_dir() + "/schemas", bundle, diags);
  ASSERT_TRUE(diags.empty());
  EXPECT_EQ(std::string(proven_schema_digest()), bundle.digest)
      << "the build proves the schemas/ folder it was configured from";
}

TEST(ProvenSchemas, AChangedCopyOfTheShippedSchemasIsProvenAtLoad) {
  test::TempDir copy;
  fs::copy(test::source_dir() + "/schemas", copy.path(), fs::copy_options::recursive);
  Diagnostics clean;
  EXPECT_NE(load_schemas(copy.path(), clean), nullptr);
  EXPECT_TRUE(clean.empty());
  copy.write("anthropic/zz-broken.json", R"({"type": "strnig"})");
  Diagnostics diags;
  load_schemas(copy.path(), diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].message.find("schema rejected by the validator"), std::string::npos) << diags[0].message;
}

}  // namespace
}  // namespace ac
