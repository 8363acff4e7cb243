#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/header.hpp"
#include "redact/redactor.hpp"

namespace ac {

// One chunk of a recorded reply as it arrived: where it starts in the body and when. A replay
// serves the body in these pieces, and the stream judge reads the events' arrival times from them.
struct ReplyChunk {
  std::size_t offset = 0;  // byte offset into ExchangeRecord::response_body
  double at_ms = 0;        // arrival, in ms since the request started
};

// One request of a client and the reply it got, as the proxy saw them (docs/proxy.md, "Recording
// format"). Bodies are the raw bytes: the reply still content-encoded when it was.
struct ExchangeRecord {
  int sequence = 0;          // 1-based number in the recording (the file name's prefix)
  std::string started_at;    // RFC 3339 UTC, when the request reached the proxy
  std::string target;        // the base URL the request went on to, without userinfo
  std::string method;        // "POST"
  std::string path;          // path and query as the client sent them: "/v1/messages?beta=true"
  Headers request_headers;
  std::string request_body;
  int status = 0;            // 0 = no reply (see error)
  Headers response_headers;
  std::string response_body;
  std::vector<ReplyChunk> chunks;  // empty: the body arrived as one chunk at first_byte_ms
  double first_byte_ms = 0;  // since the request started
  double total_ms = 0;       // the reply's end, since the request started
  std::string error;         // why the reply is missing or cut (a transport failure); "" when complete
};

// The version written in every record's "format" member; a reader refuses others.
inline constexpr const char* kExchangeRecordFormat = "apiconform-exchange/1";
// What replaces the value of a key header in a record and in results.
inline constexpr const char* kSecretPlaceholder = "[REDACTED]";

struct RecordOptions {
  // Header names (case-insensitive) whose values are secrets, beyond the ones always treated so:
  // x-api-key, authorization, proxy-authorization, cookie, set-cookie.
  std::vector<std::string> secret_headers;
};

// "000012-POST-v1-messages.json": the sequence, the method and the path without its query, every
// character but [A-Za-z0-9._] as '-'.
std::string exchange_file_name(const ExchangeRecord& record);

// The record as the JSON text of its file, secrets removed: the values of key headers are
// replaced by kSecretPlaceholder, and those values (the client's key, unknown in advance) and the
// process's secrets are redacted wherever else they occur (bodies, paths, other headers).
std::string exchange_record_json(const ExchangeRecord& record, const RecordOptions& options = {});

// Reads one record's JSON text; false with `error` saying what is wrong and where.
bool parse_exchange_record(std::string_view json, ExchangeRecord& out, std::string& error);

// Writes DIR/exchange_file_name(record) through the redaction boundary (write_output_file).
// False with `error` on failure. Creates DIR when missing.
bool write_exchange_record(const std::string& dir, const ExchangeRecord& record, const RecordOptions& options,
                           std::string& error);

// Every record in DIR (files named NNNNNN-*.json), in file-name order; a file that cannot be read
// or parsed is a located diagnostic and is left out. A DIR that does not exist is one diagnostic.
struct Recording {
  std::vector<ExchangeRecord> exchanges;
  std::vector<std::string> files;  // the file each exchange came from, same order
  Diagnostics diagnostics;
};
Recording read_exchange_records(const std::string& dir);

// True for the headers whose values are secrets (the fixed ones and options.secret_headers).
bool is_secret_header(const std::string& name, const RecordOptions& options = {});
// The secret values among `headers`: each key header's value, and the token after its scheme
// ("Bearer <token>"). The proxy registers them as process secrets before it writes anything.
std::vector<std::string> secret_header_values(const Headers& headers, const RecordOptions& options = {});
// The redactor of one record: the process's secrets and the values of its key headers (the
// client's key, which the proxy could not know in advance), wherever else they occur.
Redactor record_redactor(const ExchangeRecord& record, const RecordOptions& options = {});
// The headers with every key header's value replaced by kSecretPlaceholder (for results too).
Headers mask_secret_headers(const Headers& headers, const RecordOptions& options = {});

}  // namespace ac
