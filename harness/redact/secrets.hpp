#pragma once
#include <string_view>

#include "redact/redactor.hpp"

namespace ac {

// The secrets of this process: every provider key of the run, every secret header value, URL
// userinfo. They are registered as soon as they are read (targets are made before anything is
// sent or written) and every output path reads them here: the console streams, every file
// (redact/output_file.hpp) and the per-result redaction in exec/. One registry, so a new output
// cannot forget to pass a redactor along (docs/secrets.md).
//
// The one piece of process-wide mutable state in the harness, by design: register secrets from
// the main thread before starting threads that write output.
void add_process_secret(std::string_view secret);
const Redactor& process_redactor();

}  // namespace ac
