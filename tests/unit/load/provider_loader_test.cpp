// Provider profiles: every key, the defaults, name lookup, and located errors.
#include "load/provider_loader.hpp"

#include "load_test_util.hpp"

#include "support/run_binary.hpp"

namespace ac {
namespace {

using testing::dump;
using testing::has_diag;
using testing::only;
using testing::TempDir;

class ProviderProfiles : public ::testing::Test {
 protected:
  Diagnostics load(const std::string& yaml) {
    file_ = dir_.write("providers/p.yaml", yaml);
    provider_ = Provider{};
    return load_provider_file(file_, provider_);
  }
  TempDir dir_;
  std::string file_;
  Provider provider_;
};

TEST_F(ProviderProfiles, EveryKey) {
  const Diagnostics d = load(R"(name: my-gateway
base_url: https://gw.example.com/anthropic/
paths:
  messages: /v2/chat
  models: /v2/models
auth: bearer
key_env: GW_KEY
headers:
  anthropic-version: "2023-01-01"
  x-org: "{{env.GW_ORG}}"
secret_headers: [x-org]
vars:
  model: claude-sonnet-4-5
  max_tokens: 256
  quoted: "256"
  fast: true
  stops: [a, b]
concurrency: 4
rate_per_s: 2.5
timeouts: {connect_s: 3, first_byte_s: 20, idle_s: 5, total_s: 60}
unsupported:
  - {feature: messages.batches, reason: "no batch API"}
known:
  - case: errors.unknown-field
    reason: https://gw.example.com/issues/12
dialect: generic-bearer
)");
  ASSERT_TRUE(d.empty()) << dump(d);
  const Provider& p = provider_;
  EXPECT_EQ(p.name, "my-gateway");
  EXPECT_EQ(p.base_url, "https://gw.example.com/anthropic");  // trailing '/' dropped: paths start with one
  EXPECT_EQ(p.paths.at("messages"), "/v2/chat");
  EXPECT_EQ(p.paths.at("models"), "/v2/models");
  EXPECT_EQ(p.paths.at("count_tokens"), "/v1/messages/count_tokens");  // not overridden
  EXPECT_EQ(p.auth, AuthStyle::Bearer);
  EXPECT_EQ(p.key_env, "GW_KEY");
  ASSERT_EQ(p.headers.size(), 2u);
  EXPECT_EQ(p.headers[0].name, "anthropic-version");
  EXPECT_EQ(p.headers[0].value, "2023-01-01");
  EXPECT_EQ(p.headers[1].value, "{{env.GW_ORG}}");
  EXPECT_EQ(p.secret_headers, (std::vector<std::string>{"x-org"}));
  EXPECT_EQ(p.vars.at("model"), "\"claude-sonnet-4-5\"");
  EXPECT_EQ(p.vars.at("max_tokens"), "256");
  EXPECT_EQ(p.vars.at("quoted"), "\"256\"");
  EXPECT_EQ(p.vars.at("fast"), "true");
  EXPECT_EQ(p.vars.at("stops"), R"(["a","b"])");
  EXPECT_EQ(p.concurrency, 4);
  EXPECT_EQ(p.rate_per_s, 2.5);
  EXPECT_EQ(p.timeouts.connect_s, 3);
  EXPECT_EQ(p.timeouts.first_byte_s, 20);
  EXPECT_EQ(p.timeouts.idle_s, 5);
  EXPECT_EQ(p.timeouts.total_s, 60);
  ASSERT_EQ(p.unsupported.size(), 1u);
  EXPECT_EQ(p.unsupported[0].id, "messages.batches");
  EXPECT_EQ(p.unsupported[0].reason, "no batch API");
  ASSERT_EQ(p.known.size(), 1u);
  EXPECT_EQ(p.known[0].id, "errors.unknown-field");
  EXPECT_EQ(p.known[0].reason, "https://gw.example.com/issues/12");
  EXPECT_EQ(p.dialect, "generic-bearer");
  EXPECT_EQ(p.where.file, file_);
  EXPECT_EQ(p.where.line, 1);
}

TEST_F(ProviderProfiles, Defaults) {
  const Diagnostics d = load("name: minimal\nbase_url: http://127.0.0.1:9000\nkey_env: K\n");
  ASSERT_TRUE(d.empty()) << dump(d);
  const Provider& p = provider_;
  EXPECT_EQ(p.paths.at("messages"), "/v1/messages");
  EXPECT_EQ(p.paths.at("count_tokens"), "/v1/messages/count_tokens");
  EXPECT_EQ(p.paths.at("models"), "/v1/models");
  EXPECT_EQ(p.paths.at("batches"), "/v1/messages/batches");
  EXPECT_EQ(p.auth, AuthStyle::XApiKey);
  ASSERT_EQ(p.headers.size(), 1u);
  EXPECT_EQ(p.headers[0].name, "anthropic-version");
  EXPECT_EQ(p.headers[0].value, "2023-06-01");
  EXPECT_EQ(p.concurrency, 8);
  EXPECT_EQ(p.rate_per_s, 0);
  EXPECT_EQ(p.timeouts.total_s, 120);
  EXPECT_TRUE(p.vars.empty());
}

TEST_F(ProviderProfiles, OtherHeadersKeepTheDefaultVersionAndNullDropsIt) {
  ASSERT_TRUE(load("name: a\nbase_url: http://h\nkey_env: K\nheaders: {x-a: b}\n").empty());
  ASSERT_EQ(provider_.headers.size(), 2u);
  EXPECT_EQ(provider_.headers[0].name, "anthropic-version");
  EXPECT_EQ(provider_.headers[1].name, "x-a");

  ASSERT_TRUE(load("name: a\nbase_url: http://h\nkey_env: K\nheaders: {anthropic-version: null}\n").empty());
  EXPECT_TRUE(provider_.headers.empty());
}

TEST_F(ProviderProfiles, SimulatedProfile) {
  ASSERT_TRUE(load("name: sim\ndialect: reference\nauth: none\n").empty());
  EXPECT_EQ(provider_.base_url, "sim:");
  EXPECT_EQ(provider_.auth, AuthStyle::None);
  EXPECT_TRUE(provider_.key_env.empty());
  ASSERT_TRUE(load("name: sim\nbase_url: \"sim:\"\ndialect: reference\nauth: either\nkey_env: K\n").empty());
  EXPECT_EQ(provider_.base_url, "sim:");
  EXPECT_EQ(provider_.auth, AuthStyle::Either);
}

TEST_F(ProviderProfiles, UnknownKeyAndValuesWithHints) {
  Diagnostic e = only(load("name: a\nbase_url: http://h\nkey_env: K\nbase_ulr: x\n"));
  EXPECT_EQ(e.where.line, 4);
  EXPECT_EQ(e.where.column, 1);
  EXPECT_EQ(e.message, "unknown key `base_ulr` in `provider`");
  EXPECT_EQ(e.hint, "did you mean `base_url`?");

  e = only(load("name: a\nbase_url: http://h\nkey_env: K\nauth: x-api-kye\n"));
  EXPECT_EQ(e.where.line, 4);
  EXPECT_EQ(e.where.column, 7);
  EXPECT_EQ(e.message, "unknown auth `x-api-kye`");
  EXPECT_EQ(e.hint, "did you mean `x-api-key`?");

  e = only(load("name: a\nbase_url: http://h\nkey_env: K\npaths: {mesages: /m}\n"));
  EXPECT_EQ(e.where.column, 9);
  EXPECT_EQ(e.hint, "did you mean `messages`?");

  e = only(load("name: a\nbase_url: http://h\nkey_env: K\ntimeouts: {total: 5}\n"));
  EXPECT_EQ(e.where.column, 12);
  EXPECT_EQ(e.hint, "did you mean `total_s`?");
}

TEST_F(ProviderProfiles, MissingRequiredKeys) {
  const Diagnostics d = load("concurrency: 2\n");
  EXPECT_TRUE(has_diag(d, file_, 1, 1, "`provider` needs `name`"));
  EXPECT_TRUE(has_diag(d, file_, 1, 1, "`provider` needs `base_url`"));
  EXPECT_TRUE(has_diag(d, file_, 1, 1, "`provider` needs `key_env`"));
  EXPECT_EQ(d.size(), 3u) << dump(d);
}

TEST_F(ProviderProfiles, WrongValues) {
  const std::string head = "name: a\nbase_url: http://h\nkey_env: K\n";
  EXPECT_TRUE(has_diag(load(head + "concurrency: 0\n"), file_, 4, 14, "`concurrency` must be a whole number from 1"));
  EXPECT_TRUE(has_diag(load(head + "concurrency: many\n"), file_, 4, 14, "`concurrency` must be a whole number"));
  EXPECT_TRUE(has_diag(load(head + "rate_per_s: -1\n"), file_, 4, 13, "`rate_per_s` must be a number"));
  EXPECT_TRUE(has_diag(load(head + "timeouts: {idle_s: 0}\n"), file_, 4, 20, "must be above 0"));
  EXPECT_TRUE(has_diag(load(head + "paths: {models: models}\n"), file_, 4, 17, "`paths.models` must start with `/`"));
  EXPECT_TRUE(has_diag(load(head + "headers: [a]\n"), file_, 4, 10, "`headers` must be a mapping"));
  EXPECT_TRUE(has_diag(load(head + "vars: {env.x: 1}\n"), file_, 4, 8, "`env.x` is not a variable name"));
  EXPECT_TRUE(has_diag(load(head + "vars: {a: 1, a: 2}\n"), file_, 4, 14, "variable `a` is given twice"));
  EXPECT_TRUE(has_diag(load(head + "secret_headers: [\"bad header\"]\n"), file_, 4, 17,
                       "`bad header` in `secret_headers` is not a valid HTTP header name"));
  EXPECT_TRUE(has_diag(load(head + "unsupported: {feature: x}\n"), file_, 4, 14, "`unsupported` must be a list"));
  EXPECT_TRUE(has_diag(load(head + "unsupported:\n  - {feature: x}\n"), file_, 5, 5, "`unsupported` needs `reason`"));
  EXPECT_TRUE(has_diag(load(head + "known:\n  - {cse: x, reason: y}\n"), file_, 5, 6, "unknown key `cse` in `known`"));
  EXPECT_TRUE(has_diag(load(head + "known:\n  - {case: \"A B\", reason: y}\n"), file_, 5, 12,
                       "`A B` is not a valid case name"));
  EXPECT_TRUE(has_diag(load("name: a\nbase_url: ftp://h\nkey_env: K\n"), file_, 2, 11, "`base_url` must start with http"));
  EXPECT_TRUE(has_diag(load("name: a\nbase_url: http://h\nkey_env: sk-ant-123\n"), file_, 3, 10,
                       "`key_env` must be an environment variable name"));
  EXPECT_TRUE(has_diag(load("name: My Gateway\nbase_url: http://h\nkey_env: K\n"), file_, 1, 7, "`name` may only hold"));
  EXPECT_TRUE(has_diag(load(head + "headers: {x-a: \"{{env.X\"}\n"), file_, 4, 17, "unbalanced `{{`"));
}

TEST_F(ProviderProfiles, SyntaxErrorsAndShapes) {
  EXPECT_TRUE(has_diag(load("name: [a\n"), file_, 2, 1, "YAML syntax error"));
  EXPECT_TRUE(has_diag(load(""), file_, 1, 1, "the profile is empty"));
  EXPECT_TRUE(has_diag(load("- a\n"), file_, 1, 1, "a provider profile must be a mapping"));
  EXPECT_TRUE(has_diag(load("name: a\nbase_url: http://h\nkey_env: K\n---\nname: b\n"), file_, 5, 1,
                       "holds one YAML document"));
}

TEST_F(ProviderProfiles, LookupByNameOrPath) {
  dir_.write("providers/alpha.yaml", "name: alpha\nbase_url: http://a\nkey_env: A\n");
  dir_.write("providers/beta.yml", "name: beta\nbase_url: http://b\nkey_env: B\n");
  const std::string providers = dir_.path() + "/providers";
  Provider p;
  ASSERT_TRUE(load_provider("alpha", providers, p).empty());
  EXPECT_EQ(p.name, "alpha");
  p = Provider{};
  ASSERT_TRUE(load_provider("beta", providers, p).empty());
  EXPECT_EQ(p.name, "beta");
  p = Provider{};
  ASSERT_TRUE(load_provider(providers + "/alpha.yaml", "/nonexistent", p).empty());
  EXPECT_EQ(p.name, "alpha");
  EXPECT_EQ(list_provider_names(providers), (std::vector<std::string>{"alpha", "beta"}));
}

TEST_F(ProviderProfiles, UnknownNameListsTheAvailableOnes) {
  dir_.write("providers/alpha.yaml", "name: alpha\nbase_url: http://a\nkey_env: A\n");
  dir_.write("providers/beta.yaml", "name: beta\nbase_url: http://b\nkey_env: B\n");
  Provider p;
  const Diagnostic e = only(load_provider("alpah", dir_.path() + "/providers", p));
  EXPECT_EQ(e.message, "unknown provider `alpah`; available: `alpha`, `beta`");
  EXPECT_EQ(e.hint, "did you mean `alpha`?");
  const Diagnostic m = only(load_provider(dir_.path() + "/missing.yaml", dir_.path() + "/providers", p));
  EXPECT_EQ(m.where.file, dir_.path() + "/missing.yaml");
  EXPECT_EQ(m.message, "cannot open the provider profile");
}

}  // namespace
}  // namespace ac

namespace ac {
namespace {

using test::source_dir;

TEST(ShippedProfiles, EveryProfileInProvidersLoadsCleanly) {
  const std::string dir = source_dir() + "/providers";
  const auto names = list_provider_names(dir);
  ASSERT_FALSE(names.empty()) << "no profile found in " << dir;
  for (const auto& name : names) {
    Provider p;
    const Diagnostics d = load_provider(name, dir, p);
    EXPECT_TRUE(d.empty()) << name << ":\n" << testing::dump(d);
    EXPECT_EQ(p.name, name) << "a profile's name should match its file name";
  }
}

TEST(ShippedProfiles, ReferenceIsTheEmbeddedSimulator) {
  Provider p;
  ASSERT_TRUE(load_provider("reference", source_dir() + "/providers", p).empty());
  EXPECT_EQ(p.base_url, "sim:");
  EXPECT_EQ(p.dialect, "reference");
  EXPECT_EQ(p.key_env, "APICONFORM_SIM_KEY");
  EXPECT_EQ(p.vars.at("model"), "\"claude-sonnet-4-5\"");
  EXPECT_EQ(p.vars.at("max_tokens"), "256");
  EXPECT_EQ(p.vars.count("small_model"), 1u);
}

TEST(ShippedProfiles, AnthropicIsTheOfficialApi) {
  Provider p;
  ASSERT_TRUE(load_provider("anthropic", source_dir() + "/providers", p).empty());
  EXPECT_EQ(p.base_url, "https://api.anthropic.com");
  EXPECT_EQ(p.auth, AuthStyle::XApiKey);
  EXPECT_EQ(p.key_env, "ANTHROPIC_API_KEY");
  EXPECT_EQ(find_header(p.headers, "anthropic-version"), std::optional<std::string>("2023-06-01"));
  EXPECT_TRUE(p.dialect.empty());
}

}  // namespace
}  // namespace ac
