// The floor under any libcurl harness: the benchmark's request sent N times over 8 reused easy
// handles on one curl multi handle (the loop apiconform's transport runs), with nothing judged,
// kept or written. bench/run.sh runs it beside apiconform and wrk, so that the harness's rate can
// be read against what libcurl alone reaches on the same server in the same run.
//
//   curl_floor URL REQUESTS [CONNECTIONS=8]
//
// The body and headers are those of bench/cases/bench-message.yaml and bench/wrk-message.lua.
#include <curl/curl.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

const char* kBody =
    R"({"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Say hello to the benchmark"}]})";

std::size_t discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }

void start(CURLM* multi, CURL* easy, const std::string& url, curl_slist* headers) {
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_POSTFIELDS, kBody);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &discard);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &discard);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_multi_add_handle(multi, easy);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: curl_floor URL REQUESTS [CONNECTIONS=8]\n");
    return 2;
  }
  const std::string url = argv[1];
  const long requests = std::atol(argv[2]);
  const int connections = argc > 3 ? std::atoi(argv[3]) : 8;
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURLM* multi = curl_multi_init();
  curl_slist* headers = nullptr;
  for (const char* h : {"anthropic-version: 2023-06-01", "content-type: application/json",
                        "x-api-key: sim-test-key", "Accept:", "Expect:"})
    headers = curl_slist_append(headers, h);

  long started = 0, done = 0, failed = 0;
  std::vector<CURL*> handles;
  for (int i = 0; i < connections && started < requests; ++i, ++started) {
    handles.push_back(curl_easy_init());
    start(multi, handles.back(), url, headers);
  }
  while (done < requests) {
    int running = 0;
    curl_multi_perform(multi, &running);
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      long status = 0;
      curl_easy_getinfo(message->easy_handle, CURLINFO_RESPONSE_CODE, &status);
      if (message->data.result != CURLE_OK || status != 200) ++failed;
      curl_multi_remove_handle(multi, message->easy_handle);
      ++done;
      if (started < requests) {
        ++started;
        start(multi, message->easy_handle, url, headers);
      }
    }
    if (done < requests) curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
  }
  for (CURL* h : handles) curl_easy_cleanup(h);
  curl_slist_free_all(headers);
  curl_multi_cleanup(multi);
  curl_global_cleanup();
  std::printf("%ld requests, %ld not 200\n", done, failed);
  return failed == 0 ? 0 : 1;
}
