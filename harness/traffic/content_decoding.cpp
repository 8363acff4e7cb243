#include "traffic/content_decoding.hpp"

#include <zlib.h>

#include "model/header.hpp"

namespace ac {

namespace {

// window_bits: 15 + 32 detects a gzip or zlib header; -15 reads raw deflate (which some servers
// send as "deflate", although RFC 9110 says zlib).
bool inflate_with(int window_bits, const std::string& body, std::string& out, std::size_t max_bytes) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  out.clear();
  char buffer[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
    if (out.size() > max_bytes) rc = Z_MEM_ERROR;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // input ended before the stream did
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END;
}

}  // namespace

bool decode_content(const std::string& encoding, const std::string& body, std::string& out, std::string& error,
                    std::size_t max_bytes) {
  if (encoding.empty() || iequals(encoding, "identity")) {
    out = body;
    return true;
  }
  const bool gzip = iequals(encoding, "gzip") || iequals(encoding, "x-gzip");
  if (gzip || iequals(encoding, "deflate")) {
    if (inflate_with(15 + 32, body, out, max_bytes) || (!gzip && inflate_with(-15, body, out, max_bytes))) return true;
    error = "the body does not decode as Content-Encoding: " + encoding +
            (out.size() > max_bytes ? " within " + std::to_string(max_bytes) + " bytes" : " (corrupt or cut)");
    return false;
  }
  error = "Content-Encoding: " + encoding + " is not one apiconform decodes (gzip, deflate)";
  return false;
}

}  // namespace ac
