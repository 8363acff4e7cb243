#include "net/transfer_error.hpp"

#include <cerrno>
#include <cstdlib>
#include <tuple>

#include "net/retry.hpp"

namespace ac {
namespace {

// "https", "ftp"...: what a URL starts with, for the unsupported-scheme sentence.
std::string scheme_of(const std::string& url) {
  auto colon = url.find("://");
  return colon == std::string::npos || colon > 16 ? "" : url.substr(0, colon);
}

std::string at(const FailureFacts& f) { return " (" + f.where + ")"; }

std::string detail(const FailureFacts& f) {
  return f.curl_message.empty() ? curl_easy_strerror(f.code) : f.curl_message;
}

bool says(const FailureFacts& f, const char* text) { return f.curl_message.find(text) != std::string::npos; }

bool was_reset(const FailureFacts& f) {
  return f.os_errno == ECONNRESET || says(f, "Connection reset by peer") || says(f, "connection reset");
}

std::string after_bytes(const FailureFacts& f) {
  if (!f.got_response) return "before any response";
  return "after " + std::to_string(f.body_bytes) + " body byte" + (f.body_bytes == 1 ? "" : "s");
}

std::string connect_failure(const FailureFacts& f) {
  switch (f.os_errno) {
    case ECONNREFUSED: return "connection refused" + at(f);
    case EHOSTUNREACH: return "host unreachable" + at(f);
    case ENETUNREACH: return "network unreachable" + at(f);
    case ETIMEDOUT: return "could not connect: timed out" + at(f);
    default: break;
  }
  if (says(f, "refused")) return "connection refused" + at(f);
  return "could not connect" + at(f) + ": " + detail(f);
}

std::string timed_out(const FailureFacts& f) {
  // We leave every timeout but the connect one to our own loop, so libcurl's is the connect one.
  std::string limit = format_seconds(f.connect_timeout_s);
  if (says(f, "Resolving")) return "could not resolve host " + f.host + " within " + limit + " s (connect timeout)";
  return "could not connect within " + limit + " s (connect timeout" + ", " + f.where + ")";
}

std::string cut_short(const FailureFacts& f) {
  std::string text = "connection closed by peer after " + std::to_string(f.body_bytes);
  if (f.content_length) return text + " of " + std::to_string(*f.content_length) + " body bytes" + at(f);
  return text + " body bytes, before the response ended" + at(f);
}

bool is_tls(CURLcode code) {
  switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_USE_SSL_FAILED:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string describe_failure(const FailureFacts& f) {
  if (is_tls(f.code)) return "TLS failure" + at(f) + ": " + detail(f);
  switch (f.code) {
    case CURLE_COULDNT_RESOLVE_HOST: return "could not resolve host " + f.host;
    case CURLE_COULDNT_RESOLVE_PROXY: return "could not resolve the proxy: " + detail(f);
    case CURLE_COULDNT_CONNECT: return connect_failure(f);
    case CURLE_OPERATION_TIMEDOUT: return timed_out(f);
    case CURLE_URL_MALFORMAT: return "malformed URL: " + detail(f);
    case CURLE_GOT_NOTHING: return "connection closed by peer without any response" + at(f);
    case CURLE_PARTIAL_FILE: return cut_short(f);
    case CURLE_WEIRD_SERVER_REPLY: return "the response is not valid HTTP" + at(f) + ": " + detail(f);
    case CURLE_UNSUPPORTED_PROTOCOL:
      if (f.connected || f.got_response) return "the response is not HTTP" + at(f) + ": " + detail(f);
      if (f.scheme.empty()) return "the URL has no scheme (it must start with http:// or https://)";
      return "unsupported URL scheme '" + f.scheme + "' (only http and https)";
    case CURLE_SEND_ERROR:
      if (was_reset(f) || f.os_errno == EPIPE) return "connection reset by peer while sending the request" + at(f);
      return "could not send the request" + at(f) + ": " + detail(f);
    case CURLE_RECV_ERROR:
      if (was_reset(f)) return "connection reset by peer " + after_bytes(f) + at(f);
      return "receive failed " + after_bytes(f) + at(f) + ": " + detail(f);
    default:
      return detail(f) + at(f);
  }
}

bool is_transient_failure(const FailureFacts& f) {
  if (f.got_response) return false;
  switch (f.code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
      return true;
    case CURLE_OPERATION_TIMEDOUT:
      return !says(f, "Resolving");
    default:
      return false;
  }
}

std::pair<std::string, std::string> host_and_where(const std::string& url) {
  std::string host = "unparsable URL", where = host;
  CURLU* parsed = curl_url();
  if (parsed && curl_url_set(parsed, CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME | CURLU_GUESS_SCHEME) == CURLUE_OK) {
    char* h = nullptr;
    char* p = nullptr;
    if (curl_url_get(parsed, CURLUPART_HOST, &h, 0) == CURLUE_OK) host = where = h;
    if (curl_url_get(parsed, CURLUPART_PORT, &p, CURLU_DEFAULT_PORT) == CURLUE_OK) where = host + ":" + p;
    curl_free(h);
    curl_free(p);
  }
  curl_url_cleanup(parsed);
  return {host, where};
}

FailureFacts failure_facts(CURL* easy, CURLcode code, const char* error_buffer, const std::string& url,
                           const Headers& response_headers) {
  FailureFacts facts;
  facts.code = code;
  curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &facts.os_errno);
  facts.curl_message = error_buffer;
  facts.scheme = scheme_of(url);
  std::tie(facts.host, facts.where) = host_and_where(url);
  curl_off_t connect_time = 0;
  curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connect_time);
  facts.connected = connect_time > 0;
  if (auto length = find_header(response_headers, "content-length")) facts.content_length = std::atoll(length->c_str());
  return facts;
}

}  // namespace ac
