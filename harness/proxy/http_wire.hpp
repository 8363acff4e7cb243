#pragma once
#include <string>
#include <string_view>

#include "model/header.hpp"

namespace ac {

// A request head as a client sent it: the request line and the header lines in their order,
// names and values as written.
struct RequestHead {
  std::string method;
  std::string target;   // path and query, as on the request line: "/v1/messages?beta=true"
  std::string version;  // "HTTP/1.1"
  Headers headers;
};

// Parses the request line and header lines of `text` (the head without its final empty line,
// lines ending in CRLF or LF). False with `error` naming what is wrong.
bool parse_request_head(std::string_view text, RequestHead& out, std::string& error);

// Whether the comma-separated header value `list` holds `token` (case-insensitive): "keep-alive,
// Upgrade" holds "upgrade".
bool has_token(std::string_view list, std::string_view token);

// A header that describes one connection rather than the message (RFC 9110 7.6.1): Connection,
// Keep-Alive, Proxy-Connection, TE, Trailer, Transfer-Encoding, Upgrade, and every name the
// message's own Connection header lists. A proxy does not pass them on.
bool is_hop_by_hop(std::string_view name, const Headers& message_headers);

// Whether the client wants its connection closed after this exchange: `Connection: close`, or an
// HTTP/1.0 client that did not ask for keep-alive.
bool wants_close(const RequestHead& head);

// The line that opens a chunk of `size` bytes in chunked transfer coding: "1a2\r\n".
std::string chunk_start(std::size_t size);

}  // namespace ac
