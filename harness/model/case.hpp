#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/finding.hpp"
#include "model/header.hpp"
#include "model/source_location.hpp"

#include <rapidjson/document.h>

namespace ac {

// What a case sends. Strings may hold {{variables}}; they are resolved when jobs are planned.
struct RequestSpec {
  std::string method = "POST";
  std::string endpoint;  // logical endpoint ("messages", "count_tokens", "models"...), mapped by the provider
  std::string path;      // literal path used when endpoint is empty, e.g. "/v1/models/{{model}}"
  std::string query;     // appended after '?', without it
  Headers headers;       // added to (or overriding) the provider's headers
  std::vector<std::string> remove_headers;  // provider headers to leave out (header: null in YAML)
  std::optional<std::string> json;  // body as JSON text (from YAML `json:`)
  std::optional<std::string> body;  // raw body text (from YAML `body:`), sent as is
  std::string auth = "default";     // default | none | invalid | both: how the provider's key is sent
  std::optional<std::size_t> body_padding;  // pad the JSON body to at least this many bytes (size limits)
  std::optional<int> retries;  // overrides --retries: 0 lets a case see the 429 or 529 it provokes
  // More statuses retried like a 429 for this request: an eventually consistent step (a batch read
  // right after its creation can briefly be 404).
  std::vector<int> retry_on;
  SourceLocation where;
};

enum class HeaderMatch { Equals, Matches, Present, Absent };

struct HeaderExpectation {
  std::string name;
  HeaderMatch match = HeaderMatch::Present;
  std::string value;  // Equals: exact text; Matches: ECMAScript regex
  Severity severity = Severity::Breaking;  // what a failure means for clients (severity: in YAML)
  SourceLocation where;
};

// SameAsHeader: the value is a string equal to a response header's (`value` names the header),
// e.g. an error body's request_id and the request-id header.
enum class JsonCheckKind { Equals, Matches, Type, OneOf, Range, Exists, Absent, Length, SameAsHeader };

// An assertion's expected value read once, by what its kind makes of it, when the expectation is
// final (planning, after its {{variables}}: model/expected_value.hpp), so the checks judge every
// reply against values, not text. Matches keeps its pattern as the text (check/ compiles each
// pattern once).
struct ExpectedValue {
  bool read = false;
  std::shared_ptr<const rapidjson::Document> json;  // Equals: the value; OneOf: the list; null when not JSON
  std::vector<std::string> types;                   // Type: the names (a string or the list's strings)
  std::string header;                               // SameAsHeader: the header's name
};

// One assertion on the response body, addressed by a JSON pointer (RFC 6901).
struct JsonExpectation {
  std::string pointer;
  JsonCheckKind kind = JsonCheckKind::Exists;
  std::string value;  // Equals: JSON text; OneOf: JSON array text; Matches: regex; Type: JSON array of type names
                      // (SameAsHeader: the header name as a JSON string, since the planner expands values as JSON)
  ExpectedValue expected;     // `value` read by `kind` (read_expected_value)
  std::optional<double> min;  // Range (value) and Length (element/char count)
  std::optional<double> max;
  Severity severity = Severity::Breaking;  // what a failure means for clients (severity: in YAML)
  SourceLocation where;
};

// Expectations on a streamed (SSE) response; the streaming stage owns their meaning.
// The grammar `expect.stream` judges by when the case names none (`stream: true` included).
inline constexpr const char* kDefaultStreamGrammar = "anthropic/stream-grammar.yaml";

struct StreamExpectation {
  bool expected = false;        // the response must be an event stream
  std::string grammar;          // grammar file under schemas/; kDefaultStreamGrammar unless the case names one
  // Schema the folded message must satisfy: the case's, else its grammar's `folded.schema`, filled
  // in once the grammar is loaded (load_suite), so every reader sees the same one.
  std::string folded_schema;
  SourceLocation grammar_where;        // where `grammar:` / `folded_schema:` were written, so a
  SourceLocation folded_schema_where;  // missing file is reported at its exact place
  std::vector<JsonExpectation> folded;  // assertions on the folded message
  std::map<std::string, double> timing_max_ms;  // first_byte, first_event, first_content, max_gap, total
  bool require_incremental = true;
  std::string compare_with;     // id of a non-streaming case whose response shape must match
  SourceLocation where;
  // The stream must end with an in-band error event of this type (the value the grammar's error
  // event names, e.g. "overloaded_error"); empty: an error event is a finding.
  std::string error;
  SourceLocation error_where;
};

// `expect.lines`: the body is JSON Lines (the batch results endpoint, `application/x-jsonl`);
// every non-empty line must parse as JSON and satisfy `schema`; their number is bounded.
struct LinesExpectation {
  std::string schema;           // as Expectation::schema; empty = each line only has to parse
  SourceLocation schema_where;
  std::optional<std::int64_t> min_count;  // number of non-empty lines
  std::optional<std::int64_t> max_count;
  SourceLocation where;
};

// `expect.upstream` (upstream mode, docs/upstream.md): what the gateway forwarded to the upstream
// simulator for this case, as the upstream received it. Its findings are the gateway's
// translation findings (check "upstream").
struct UpstreamExpectation {
  std::optional<std::int64_t> min_count;  // forwarded requests carrying the case's marker (retries)
  std::optional<std::int64_t> max_count;
  std::string method;  // empty: not checked
  std::string path;    // empty: not checked; else the exact path (query excluded)
  std::vector<HeaderExpectation> headers;  // on the first forwarded request
  std::vector<JsonExpectation> json;       // on the first forwarded body, the marker removed
  SourceLocation where;
};

struct Expectation {
  std::vector<int> status;  // any of these; empty = 2xx
  std::vector<HeaderExpectation> headers;
  std::string schema;  // reference into schemas/, e.g. "anthropic/message.json" or with "#/definitions/x"
  SourceLocation schema_where;  // where `schema:` was written, to report a missing schema there
  std::vector<JsonExpectation> json;
  std::optional<StreamExpectation> stream;
  std::optional<LinesExpectation> lines;
  std::optional<UpstreamExpectation> upstream;
  SourceLocation where;
};

// `capture: {name: /pointer}` or `{name: "header:request-id"}`: a value of a step's reply that
// later steps use as {{name}} (a string stays a string in JSON bodies, a number a number).
struct Capture {
  std::string name;
  std::string pointer;  // JSON pointer into the reply body; empty when `header` is set
  std::string header;   // response header name
  SourceLocation where;
};

// One request of a multi-step case (`steps:`), after the first.
struct Step {
  RequestSpec request;
  Expectation expect;
  std::vector<Capture> captures;
  SourceLocation where;
};

// A `{{name}}` a case uses, where it is written.
struct PlaceholderUse {
  std::string name;
  SourceLocation where;
};

struct Case {
  std::string id;
  std::string title;
  std::string feature;
  std::vector<std::string> tags;
  std::string api_version;  // empty = any; otherwise the case runs only under this anthropic-version
  // Provokes its answer through the simulator's x-sim-* steering headers (a 429, a 529, an error
  // mid-stream): a real endpoint cannot be made to do that on demand, so there it is skipped.
  bool simulated_only = false;
  // The only request, or the first step of a `steps:` case (the planner prepares it like any
  // other; later steps are built at run time, once the captures they use are known).
  RequestSpec request;
  Expectation expect;
  std::vector<Capture> captures;  // of the first step
  std::vector<Step> later_steps;  // steps 2..n, sent in order, each after the previous finished
  bool has_steps = false;         // written with `steps:` (even a single step)
  // `upstream:` (upstream mode): the upstream's scripted reply and fault for this case, as JSON
  // text the upstream simulator reads ({"reply": {...}, "fault": {...}}); empty = default reply.
  std::string upstream_script;
  std::string upstream_dialect;  // `upstream.dialect`: runs only with this --upstream ("" = either)
  bool upstream_faults = false;  // the script has a `fault`: failures it provokes are judged, not errors
  SourceLocation upstream_where;
  // Every {{name}} of its requests and expectations: once the providers are known, each is
  // checked against their variables before anything is sent (plan/variable_check.hpp).
  std::vector<PlaceholderUse> placeholders;
  SourceLocation where;

  // Runs only in upstream mode (`run --upstream`): a `gateway.*` feature, a scripted upstream or
  // an assertion on what the gateway forwarded.
  bool needs_upstream() const {
    if (feature.rfind("gateway.", 0) == 0 || !upstream_script.empty() || !upstream_dialect.empty()) return true;
    for (const Expectation* e : expectations())
      if (e->upstream) return true;
    return false;
  }

  std::size_t step_count() const { return 1 + later_steps.size(); }
  // Step `i` (0-based) of the case: its request and what it captures.
  const RequestSpec& step_request(std::size_t i) const { return i == 0 ? request : later_steps[i - 1].request; }
  const std::vector<Capture>& step_captures(std::size_t i) const {
    return i == 0 ? captures : later_steps[i - 1].captures;
  }
  // Every expectation of the case, first step first (schema and grammar references to check).
  std::vector<const Expectation*> expectations() const {
    std::vector<const Expectation*> all{&expect};
    for (const auto& s : later_steps) all.push_back(&s.expect);
    return all;
  }
  std::vector<Expectation*> expectations() {
    std::vector<Expectation*> all{&expect};
    for (auto& s : later_steps) all.push_back(&s.expect);
    return all;
  }
};

}  // namespace ac
