// check-stream: judging a recorded transcript, and checking a grammar against the registry.
#include <fstream>
#include <vector>

#include "stream/stream_judge.hpp"

namespace ac {

Diagnostics check_grammar_schemas(const Grammar& grammar, const SchemaRegistry& schemas) {
  Diagnostics out;
  for (const auto& [ref, where] : grammar.schema_refs()) {
    if (schemas.has(ref)) continue;
    SourceLocation at = where.file.empty() ? SourceLocation{grammar.file, 0, 0} : where;
    out.push_back(Diagnostic{at, "the grammar names schema `" + ref + "`, which is not under the schema root",
                             "schema references are paths under schemas/, e.g. anthropic/events/ping.json"});
  }
  return out;
}

StreamFileVerdict judge_stream_file_verbose(const std::string& path, const Grammar& grammar,
                                            const SchemaRegistry& schemas, StreamJudgeOptions options,
                                            const StreamExpectation* expect) {
  StreamFileVerdict v;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Finding f;
    f.check = "sse";
    f.message = "cannot read " + path;
    v.findings.push_back(f);
    return v;
  }
  static const StreamExpectation kNone;
  options.judge_timing = false;  // a file has no arrival times
  StreamJudge judge(grammar, schemas, expect ? *expect : kNone, options);
  std::vector<char> buf(64 * 1024);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    std::streamsize n = in.gcount();
    if (n > 0) judge.feed(buf.data(), static_cast<std::size_t>(n), 0);
  }
  judge.finish(true);
  v.findings = judge.findings();
  v.events = judge.event_count();
  v.completed = judge.completed();
  v.error_summary = judge.error_summary();
  v.folded.CopyFrom(judge.folded(), v.folded.GetAllocator());
  return v;
}

Findings judge_stream_file(const std::string& path, const Grammar& grammar, const SchemaRegistry& schemas,
                           StreamJudgeOptions options, const StreamExpectation* expect) {
  return judge_stream_file_verbose(path, grammar, schemas, options, expect).findings;
}

}  // namespace ac
