#pragma once

namespace ac::sim {

// Closes, without a reply, the connection a request came on (the upstream fault `unreachable`):
// httplib offers no way to do that, so the socket is found among the process's descriptors by
// its two ends (ours: `local_port`, the peer's: `remote_port`, both on 127.0.0.1) and shut down.
// `remote_port` -1: every connection to `local_port` (a server that stops ends its idle keep-alive
// connections at once instead of waiting out their timeout). Returns false when none was found.
bool drop_connection(int local_port, int remote_port);

}  // namespace ac::sim
