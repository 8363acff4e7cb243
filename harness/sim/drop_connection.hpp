#pragma once

namespace ac::sim {

// Closes, without a reply, the connection a request came on (the upstream fault `unreachable`):
// httplib offers no way to do that, so the socket is found among the process's descriptors by
// its two ends (ours: `local_port`, the peer's: `remote_port`, both on 127.0.0.1) and shut down.
// Returns false when no such socket was found.
bool drop_connection(int local_port, int remote_port);

}  // namespace ac::sim
