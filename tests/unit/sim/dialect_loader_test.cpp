// The dialect file format: valid files, the built-in ones, and located errors for broken ones.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "sim/dialect_load.hpp"
#include "sim/simulator.hpp"
#include "sim_client.hpp"

namespace ac::sim::test {
namespace {

std::optional<std::string> load(const std::string& text, ApiSurface& out,
                                const std::string& name = "acme") {
  return load_dialect({name, "dialects/" + name + ".yaml", text}, out);
}

std::string error_of(const std::string& text) {
  ApiSurface surface;
  auto error = load(text, surface);
  return error ? *error : "(no error)";
}

bool has_route(const ApiSurface& s, const std::string& method, const std::string& pattern) {
  for (const auto& route : s.routes) {
    if (route.method == method && route.pattern == pattern) return true;
  }
  return false;
}

// A scratch directory removed at the end of the test.
struct TempDir {
  std::string path;
  TempDir() {
    char pattern[] = "/tmp/ac-dialects-XXXXXX";
    path = mkdtemp(pattern);
  }
  ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path + "/" + name) << text;
  }
};

TEST(DialectLoader, AppliesEveryKindOfDifferenceToTheReference) {
  ApiSurface s;
  auto error = load(R"(name: acme
description: "Acme: everything differs"
prefix: /api
routes:
  messages: POST /chat
  count_tokens: absent
  batches: absent
auth:
  headers:
    - {name: Authorization, prefix: "Bearer "}
  missing_key_message: "no key"
version: optional
required_headers: [Accept]
request:
  max_tokens_required: false
  default_max_tokens: 77
  max_tokens_integer: false
  temperature_max: 2
  role_required: false
  content_required: false
  system_forms: [string]
  image_sources: [base64]
  tool_choice: openai
response:
  messages_status: 201
  body: success-code-openai
  omit_fields: [stop_sequence]
  answer_model: {claude-haiku-4-5-20251001: other-model}
  message_id_prefix: msg_x_
  stream: openai-chunks-bare
  errors: success-code
models:
  - {id: acme-1, max_tokens: 100}
)", s);
  ASSERT_FALSE(error) << *error;
  EXPECT_EQ(s.name, "acme");
  EXPECT_EQ(s.description, "Acme: everything differs");
  EXPECT_TRUE(has_route(s, "POST", "/chat"));                 // a written route is a full path
  EXPECT_TRUE(has_route(s, "GET", "/api/v1/models"));         // the prefix applies to the others
  EXPECT_FALSE(has_route(s, "POST", "/api/v1/messages"));
  EXPECT_FALSE(has_route(s, "POST", "/api/v1/messages/count_tokens"));
  EXPECT_FALSE(has_route(s, "GET", "/api/v1/messages/batches"));
  ASSERT_EQ(s.key_headers.size(), 1u);
  EXPECT_EQ(s.key_headers[0].name, "authorization");
  EXPECT_EQ(s.key_headers[0].prefix, "Bearer ");
  EXPECT_EQ(s.missing_key_message, "no key");
  EXPECT_EQ(s.bad_key_message, reference_surface().bad_key_message);  // not given: reference
  EXPECT_EQ(s.version_policy, VersionPolicy::optional);
  ASSERT_EQ(s.required_headers.size(), 1u);
  EXPECT_EQ(s.required_headers[0].name, "accept");
  EXPECT_FALSE(s.request.max_tokens_required);
  EXPECT_EQ(s.request.default_max_tokens, 77);
  EXPECT_FALSE(s.request.max_tokens_integer);
  EXPECT_EQ(s.request.temperature_max, 2);
  EXPECT_FALSE(s.request.role_required);
  EXPECT_FALSE(s.request.content_required);
  EXPECT_TRUE(s.request.system_string);
  EXPECT_FALSE(s.request.system_blocks);
  EXPECT_EQ(s.request.image_sources, std::vector<std::string>{"base64"});
  EXPECT_EQ(s.request.tool_choice, ToolChoiceForm::openai);
  EXPECT_EQ(s.messages_status, 201);
  EXPECT_EQ(s.message_body, MessageBody::success_code_openai);
  EXPECT_EQ(s.omit_message_fields, std::vector<std::string>{"stop_sequence"});
  EXPECT_EQ(s.answer_model.at("claude-haiku-4-5-20251001"), "other-model");
  EXPECT_EQ(s.message_id_prefix, "msg_x_");
  EXPECT_EQ(s.stream_format, StreamFormat::openai_chunks_bare);
  EXPECT_EQ(s.error_envelope, ErrorEnvelope::success_code);
  ASSERT_EQ(s.extra_models.size(), 1u);
  EXPECT_EQ(s.extra_models[0].id, "acme-1");
  EXPECT_EQ(s.extra_models[0].max_output_tokens, 100);
}

TEST(DialectLoader, AMinimalFileIsTheReference) {
  ApiSurface s;
  ASSERT_FALSE(load("name: acme\ndescription: same as the reference\n", s));
  ApiSurface r = reference_surface();
  EXPECT_EQ(s.routes.size(), r.routes.size());
  EXPECT_EQ(s.version_policy, VersionPolicy::required);
  EXPECT_EQ(s.messages_status, 200);
  EXPECT_TRUE(s.request.max_tokens_required);
  EXPECT_EQ(s.request.temperature_max, 1);
}

TEST(DialectLoader, YamlSyntaxErrorIsLocated) {
  EXPECT_EQ(error_of("name: acme\ndescription: x\n  bad: [\n"),
            "dialects/acme.yaml:3:6: illegal map value");
  // An unclosed flow collection is reported where the file ends.
  EXPECT_EQ(error_of("name: acme\ndescription: x\nroutes: {messages: POST /m\n"),
            "dialects/acme.yaml:4:1: end of map flow not found");
}

TEST(DialectLoader, UnknownKeyIsLocatedAtTheKey) {
  EXPECT_EQ(error_of("name: acme\ndescription: x\nrequest:\n  temprature_max: 2\n"),
            "dialects/acme.yaml:4:3: request: unknown key 'temprature_max' (known: "
            "max_tokens_required, default_max_tokens, max_tokens_integer, temperature_max, "
            "role_required, content_required, system_forms, image_sources, tool_choice)");
  EXPECT_EQ(error_of("name: acme\ndescription: x\nroute: {}\n").substr(0, 44),
            "dialects/acme.yaml:3:1: unknown key 'route' ");
}

TEST(DialectLoader, BadValuesAreLocatedAtTheValue) {
  EXPECT_EQ(error_of("name: acme\ndescription: x\nversion: sometimes\n"),
            "dialects/acme.yaml:3:10: version: unknown value 'sometimes' (expected one of: "
            "required, optional, ignored)");
  EXPECT_EQ(error_of("name: acme\ndescription: x\nresponse:\n  messages_status: 404\n"),
            "dialects/acme.yaml:4:20: response.messages_status: expected a 2xx status");
  EXPECT_EQ(error_of("name: acme\ndescription: x\nrequest: {temperature_max: hot}\n"),
            "dialects/acme.yaml:3:28: request.temperature_max: expected a number, got 'hot'");
  EXPECT_EQ(error_of("name: acme\ndescription: x\nrequest: {max_tokens_required: no}\n"),
            "dialects/acme.yaml:3:32: request.max_tokens_required: expected true or false, got 'no'");
  EXPECT_EQ(error_of("name: acme\ndescription: x\nroutes:\n  messages: SEND /m\n"),
            "dialects/acme.yaml:4:13: routes.messages: expected 'METHOD /path' or 'absent', got 'SEND /m'");
  EXPECT_EQ(error_of("name: acme\ndescription: x\nroutes:\n  chat: absent\n").substr(0, 58),
            "dialects/acme.yaml:4:3: routes: unknown endpoint 'chat' (k");
  EXPECT_EQ(error_of("name: acme\ndescription: x\nrequest: {image_sources: [base64, ftp]}\n"),
            "dialects/acme.yaml:3:35: request.image_sources: unknown source 'ftp' (expected base64, url, file)");
  EXPECT_EQ(error_of("name: acme\ndescription: x\nresponse: {omit_fields: [id]}\n"),
            "dialects/acme.yaml:3:26: response.omit_fields: cannot omit 'id' (one of: model, "
            "stop_reason, stop_sequence, usage)");
}

TEST(DialectLoader, NameAndDescriptionAreRequiredAndTheNameIsTheFileName) {
  EXPECT_EQ(error_of("name: other\ndescription: x\n"),
            "dialects/acme.yaml:1:7: name 'other' differs from the file name 'acme'");
  EXPECT_EQ(error_of("name: acme\n"),
            "dialects/acme.yaml:1:1: 'description' is required (one line)");
  EXPECT_EQ(error_of("- a list\n"),
            "dialects/acme.yaml:1:1: a dialect file is a mapping (name, description, ...)");
}

TEST(DialectLoader, EveryBuiltInDialectLoads) {
  const auto& builtins = builtin_dialects();
  std::vector<std::string> names;
  for (const auto& source : builtins) {
    ApiSurface surface;
    auto error = load_dialect(source, surface);
    EXPECT_FALSE(error) << *error;
    EXPECT_EQ(source.origin, "harness/sim/dialects/" + source.name + ".yaml");
    names.push_back(source.name);
  }
  for (const char* name : {"aimlapi", "envelope-api", "generic-bearer", "serevix", "umodelverse"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
}

TEST(DialectLoader, ListDialectsNamesTheReferenceFirstThenEachFile) {
  auto list = list_dialects();
  ASSERT_GE(list.size(), 6u);
  EXPECT_EQ(list[0].first, "reference");
  for (const auto& [name, description] : list) {
    EXPECT_FALSE(description.empty()) << name;
    EXPECT_EQ(description.find("broken"), std::string::npos) << name << ": " << description;
  }
  EXPECT_EQ(list[1].first, "aimlapi");
}

TEST(DialectLoader, UnknownDialectFailsStartListingTheKnownOnes) {
  SimOptions options;
  options.dialect = "nonesuch";
  Simulator sim(options);
  std::string error;
  EXPECT_EQ(sim.start(0, error), -1);
  EXPECT_NE(error.find("unknown dialect 'nonesuch'"), std::string::npos) << error;
  EXPECT_NE(error.find("known: reference, aimlapi, envelope-api, generic-bearer, serevix, umodelverse"),
            std::string::npos) << error;
}

TEST(DialectLoader, ASixthProviderIsOneNewFile) {
  TempDir dir;
  dir.write("sixth.yaml", "name: sixth\ndescription: a new gateway\nroutes:\n  messages: POST /v2/chat\n");
  SimOptions options;
  options.dialect = "sixth";
  options.dialects_dir = dir.path;
  Simulator sim(options);
  std::string error;
  int port = sim.start(0, error);
  ASSERT_GT(port, 0) << error;
  auto moved = raw_request(port, "POST", "/v2/chat", api_headers(),
                           R"({"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]})");
  EXPECT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(raw_request(port, "POST", "/v1/messages", api_headers(), "{}").status, 404);
}

TEST(DialectLoader, ABrokenFileInTheDirectoryFailsStartWithItsLocation) {
  TempDir dir;
  dir.write("broken.yaml", "name: broken\ndescription: x\nversion: maybe\n");
  SimOptions options;
  options.dialect = "broken";
  options.dialects_dir = dir.path;
  Simulator sim(options);
  std::string error;
  EXPECT_EQ(sim.start(0, error), -1);
  EXPECT_NE(error.find(dir.path + "/broken.yaml:3:10: version: unknown value 'maybe'"),
            std::string::npos) << error;
}

}  // namespace
}  // namespace ac::sim::test
