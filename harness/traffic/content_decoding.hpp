#pragma once
#include <string>

namespace ac {

// A recorded body as a client reads it: decoded from its Content-Encoding (gzip, x-gzip, deflate;
// identity or none leaves it alone). False with `error` for an encoding that cannot be decoded
// (br, zstd, corrupt data) or a result past `max_bytes`.
bool decode_content(const std::string& encoding, const std::string& body, std::string& out, std::string& error,
                    std::size_t max_bytes = 64u << 20);

}  // namespace ac
