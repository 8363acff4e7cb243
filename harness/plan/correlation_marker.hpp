#pragma once
#include <string>

#include "plan/job.hpp"

namespace ac {

// The correlation marker of upstream mode (docs/upstream.md, "Correlation"): `[ac:<case-id>:<n>]`,
// `n` numbering the run's requests. Brackets and a fixed prefix, no whitespace inside: a gateway
// that trims, collapses or re-wraps whitespace, re-encodes the JSON or moves the text into content
// parts still forwards it whole, and the case id makes an unmatched one readable.
std::string correlation_marker(const std::string& case_id, long n);

// Appends " <marker>" to the last text of the last user message of a Messages body (its string
// content, else its last text block; a text block is added when it has none). The body is
// re-serialised (spaces it was padded with are kept as padding). False, body unchanged, when the
// body is not a JSON object with such a message: such a request goes unmarked.
bool add_marker(std::string& body, const std::string& marker);

// The request with the marker in its body, and its results copy (body excerpt, size, curl line)
// updated to match what is sent.
bool mark_request(PreparedRequest& request, const std::string& marker, std::size_t max_body_shown);

}  // namespace ac
