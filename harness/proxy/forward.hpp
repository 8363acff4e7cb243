#pragma once
#include <curl/curl.h>

#include <atomic>
#include <string>

#include "proxy/client_socket.hpp"
#include "proxy/http_wire.hpp"
#include "traffic/exchange_record.hpp"

namespace ac {

struct ForwardOptions {
  std::string target;             // base URL the requests go on to (userinfo allowed), no trailing '/'
  double connect_timeout_s = 10;  // to the target; once connected, the client's own timeouts rule
  std::string ca_file;            // CA bundle for an https target; empty = the system's (certificates always verified)
};

// Sends one client request to the target unchanged (method, path and query, headers but the
// hop-by-hop ones and Host, body) over `easy`, a libcurl handle the connection keeps so that its
// connection to the target stays open too, and relays the reply to `client` as it arrives: the
// status line, the headers as the target wrote them (hop-by-hop ones dropped), the body bytes
// each as soon as libcurl hands them over, still content-encoded. A body the target framed with
// Content-Length keeps it; any other is re-chunked. A reply the target cuts is cut for the client
// too (no chunked terminator); a target that cannot be reached gets the client a 502 in the API's
// error shape, saying why. `record` receives the exchange (request, reply, chunk arrival times).
// `cut` set: the transfer is stopped (the proxy's stop grace ran out). Returns whether the client
// connection may carry another request.
bool forward_exchange(CURL* easy, const ForwardOptions& options, const RequestHead& head, const std::string& body,
                      bool close_after, ClientSocket& client, const std::atomic<bool>& cut, ExchangeRecord& record);

// The proxy's own answer (a 400 for a request that is not HTTP, a 413, the 502), in the API's
// error shape so that an SDK shows its message: `{"type":"error","error":{"type","message"}}`.
std::string proxy_error_reply(int status, const std::string& reason, const std::string& type,
                              const std::string& message, bool close);

}  // namespace ac
