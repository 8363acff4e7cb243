#pragma once
#include <string>
#include <string_view>

namespace ac {

// Length of the valid UTF-8 sequence starting at `i`, or 0 when it is not valid (RFC 3629).
std::size_t valid_sequence_length(std::string_view s, std::size_t i);

// Returns `text` with every byte sequence that is not valid UTF-8 (stray continuation bytes,
// overlong forms, surrogates, code points above U+10FFFF, cut sequences) replaced by U+FFFD.
// Provider bodies are arbitrary bytes; results.json and every report must stay valid text.
std::string valid_utf8(const std::string& text);

// True when `text` is valid UTF-8 already, so callers can write it without a cleaned copy
// (nearly every body is; the check runs eight ASCII bytes at a time).
bool is_valid_utf8(const std::string& text);

// Length in bytes of the longest prefix of `text` of at most `max_bytes` bytes that does not
// cut a UTF-8 sequence in two, so excerpts stay valid text.
std::size_t utf8_prefix_length(const std::string& text, std::size_t max_bytes);

// `text` cut to at most `max_bytes` bytes on a character boundary, with `marker` ("…", "...")
// appended when something was cut: the one way the harness shortens a text for display.
std::string cut_utf8(std::string_view text, std::size_t max_bytes, std::string_view marker = "");

}  // namespace ac
