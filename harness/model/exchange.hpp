#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "model/header.hpp"

namespace ac {

struct Timings {
  double dns_ms = 0;
  double connect_ms = 0;
  double tls_ms = 0;
  double first_byte_ms = 0;
  double total_ms = 0;
  // Streams only (0 when not a stream).
  double first_event_ms = 0;
  double first_content_ms = 0;
  double max_gap_ms = 0;
};

// The request exactly as sent, with every secret already replaced by "[REDACTED]".
struct SentRequest {
  std::string method;
  std::string url;
  Headers headers;
  std::string body;             // possibly cut at the body limit
  std::size_t body_size = 0;    // full size
  std::string curl;             // a curl command line that reproduces it; keys as $ENV_VAR
};

// One event of a stream as recorded for reports (the data may be cut).
struct EventRecord {
  std::string name;
  std::string data;
  double at_ms = 0;
};

// One try of a request that was retried (429/529/503): what came back and how long it waited.
struct Attempt {
  int status = 0;         // 0 = no response
  std::string error;      // transport failure of this attempt, if any
  double waited_ms = 0;   // pause before it started (0 for the first)
};

// One request of a multi-step case as it ran, for results (`exchange.steps`).
struct StepRecord {
  std::string label;            // "step 2 (GET /v1/messages/batches/{{batch_id}})", as findings name it
  std::string request;          // "GET https://host/v1/messages/batches/msgbatch_...", secrets redacted
  std::string curl;             // reproduces it; keys as $ENV_VAR
  int status = 0;               // 0 = no response
  double total_ms = 0;
  std::string transport_error;  // empty when it completed
};

// Everything observed about one request/response pair.
struct Exchange {
  SentRequest request;
  int status = 0;                 // 0 = no response
  Headers response_headers;
  std::string body;               // kept for reports, cut at the limit
  std::size_t body_size = 0;      // full size received
  bool body_truncated = false;
  std::vector<EventRecord> events;  // streams: the first events, for the report timeline
  std::size_t event_count = 0;
  std::string transport_error;    // empty when the exchange completed
  Timings timings;
  int attempts = 1;               // more than 1 when retried (429/529/503)
  std::vector<Attempt> attempt_log;  // every attempt in order, when there was more than one
  std::string retry_note;         // why a retryable answer was not retried further
  // A multi-step case: every step that ran, in order (the fields above are the last one's).
  std::vector<StepRecord> steps;
};

}  // namespace ac
