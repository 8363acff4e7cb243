// Fuzzes the whole stream judge (SSE, grammar, schemas, folding) with the real Anthropic grammar
// and schemas: any stream must give findings, never a crash, leak or overflow (ASan). Run from
// the source root (fuzz/run.sh does) so schemas/ is found.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "stream/stream_judge.hpp"

namespace {
struct Fixture {
  std::unique_ptr<ac::Grammar> grammar;
  std::unique_ptr<ac::SchemaRegistry> schemas;
  Fixture() {
    ac::Diagnostics d = ac::load_grammar("schemas/anthropic/stream-grammar.yaml", grammar);
    schemas = ac::SchemaRegistry::load("schemas", d);
    if (!grammar || !schemas) std::abort();
  }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture f;
  static const ac::StreamExpectation expect;
  ac::StreamJudgeOptions o;
  o.max_event_bytes = 4096;
  o.max_folded_text_bytes = 1 << 16;
  ac::StreamJudge j(*f.grammar, *f.schemas, expect, o);
  size_t half = size / 2;
  j.feed(reinterpret_cast<const char*>(data), half, 1);
  j.feed(reinterpret_cast<const char*>(data) + half, size - half, 2);
  j.finish(size % 2 == 0);
  for (const auto& x : j.findings())
    if (x.check.empty() || x.message.empty()) std::abort();
  return 0;
}
