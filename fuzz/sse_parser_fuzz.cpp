// Fuzzes the SSE parser, differentially: the same bytes fed whole, one byte at a time and in
// chunks chosen by the input must give exactly the same events and problems. Any difference,
// crash, leak or overflow (ASan) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "sse/sse_parser.hpp"

namespace {

struct Record : ac::SseSink {
  std::string log;
  void on_event(const ac::SseEvent& e) override {
    log += "E" + std::to_string(e.index) + ":" + std::to_string(e.line) + ":" + std::to_string(e.offset) + ":";
    log.append(e.name.data(), e.name.size());
    log += '|';
    log.append(e.data.data(), e.data.size());
    log += '|';
    log.append(e.id.data(), e.id.size());
    log += '\n';
  }
  void on_problem(const ac::SseProblem& p) override {
    log += "P" + std::string(ac::to_string(p.kind)) + std::to_string(p.index) + ":" + std::to_string(p.size) + ":";
    log.append(p.name.data(), p.name.size());
    log += '|';
    log.append(p.data.data(), p.data.size());
    log += p.last_line_complete ? "|c\n" : "|i\n";
  }
};

std::string run(const uint8_t* data, size_t size, const std::vector<size_t>& cuts, size_t cap) {
  Record r;
  ac::SseParser p(r, ac::SseOptions{cap});
  size_t pos = 0, k = 0;
  while (pos < size) {
    size_t n = cuts.empty() ? size : cuts[k++ % cuts.size()];
    n = std::min(n ? n : 1, size - pos);
    p.feed(reinterpret_cast<const char*>(data) + pos, n, static_cast<double>(pos));
    pos += n;
  }
  p.finish(static_cast<double>(size));
  r.log += "retry" + std::to_string(p.retry_ms()) + " bytes" + std::to_string(p.bytes());
  return r.log;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the size cap and the chunking; the rest is the stream.
  size_t cap = 16 + (data[0] & 0x3F) * 8;
  std::vector<size_t> cuts;
  for (size_t i = 1; i < size && i < 8; ++i) cuts.push_back(1 + data[i] % 13);
  const uint8_t* body = data + 1;
  size_t n = size - 1;
  std::string whole = run(body, n, {}, cap);
  if (whole != run(body, n, {1}, cap)) std::abort();
  if (whole != run(body, n, cuts, cap)) std::abort();
  return 0;
}
