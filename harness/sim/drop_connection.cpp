#include "sim/drop_connection.hpp"

#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>
#include <string>

namespace ac::sim {
namespace {

int port_of(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  return -1;
}

bool is_connection(int fd, int local_port, int remote_port) {
  sockaddr_storage ours{}, theirs{};
  socklen_t a = sizeof ours, b = sizeof theirs;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&ours), &a) != 0) return false;  // not a socket
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&theirs), &b) != 0) return false;
  return port_of(ours) == local_port && (remote_port < 0 || port_of(theirs) == remote_port);
}

}  // namespace

bool drop_connection(int local_port, int remote_port) {
  DIR* dir = opendir("/proc/self/fd");
  if (!dir) return false;
  bool dropped = false;
  while (dirent* entry = readdir(dir)) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0') continue;
    if (is_connection(static_cast<int>(fd), local_port, remote_port)) {
      // Both directions: the peer reads the end of the connection before any byte of a reply.
      shutdown(static_cast<int>(fd), SHUT_RDWR);
      dropped = true;
    }
  }
  closedir(dir);
  return dropped;
}

}  // namespace ac::sim
