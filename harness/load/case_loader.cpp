#include "load/case_loader.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "load/case_parser.hpp"
#include "util/suggest.hpp"

namespace ac {

namespace fs = std::filesystem;

namespace {

std::string located(const SourceLocation& at) {
  return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

bool is_yaml(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

// The files named by `paths`, directories expanded recursively in sorted order, each file once.
std::vector<std::string> case_files(const std::vector<std::string>& paths, Diagnostics& diags) {
  std::vector<std::string> files;
  std::set<std::string> seen;
  auto add = [&](const fs::path& p) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(p, ec);
    if (seen.insert(ec ? p.string() : canonical.string()).second) files.push_back(p.string());
  };
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> found;
      for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && is_yaml(it->path())) found.push_back(it->path());
      if (ec) diags.push_back({{path, 0, 0}, "cannot read directory: " + ec.message(), ""});
      std::sort(found.begin(), found.end());
      for (const auto& p : found) add(p);
    } else if (fs::exists(path, ec)) {
      add(path);
    } else {
      diags.push_back({{path, 0, 0}, "no such file or directory", ""});
    }
  }
  return files;
}

void parse_text(const std::string& text, YamlFile& f, std::vector<ParsedCase>& parsed) {
  const std::size_t before = parsed.size(), errors = f.error_count();
  try {
    for (const auto& doc : parse_yaml(text, f)) {
      if (doc.IsNull()) continue;  // an empty document, e.g. after a trailing `---`
      parse_case_document(doc, f, parsed);
    }
  } catch (const std::exception& e) {
    // yaml-cpp may throw on node shapes we did not foresee; report rather than crash a lint run.
    f.error(SourceLocation{f.file(), 1, 1}, std::string("cannot read the cases: ") + e.what());
  }
  if (parsed.size() == before && f.error_count() == errors)
    f.error(SourceLocation{f.file(), 1, 1}, "the file holds no case", "a case starts with `id:`, several go under `cases:`");
}

// Checks that need every case: unique ids, compare_with targets. Then hands the cases over.
void finish(std::vector<ParsedCase>& parsed, Diagnostics& diags, std::vector<Case>& out) {
  std::map<std::string, SourceLocation> ids;  // id -> where first defined
  std::map<std::string, bool> streaming;
  std::set<std::string> multi_step;  // a sequence has no single reply to compare a stream with
  for (const auto& c : out) {
    ids.emplace(c.id, c.where);
    streaming[c.id] = c.expect.stream.has_value();
    if (c.has_steps) multi_step.insert(c.id);
  }
  for (const auto& p : parsed) {
    if (p.c.id.empty()) continue;
    auto first = ids.emplace(p.c.id, p.id_at);
    if (!first.second)
      diags.push_back({p.id_at, "duplicate case id `" + p.c.id + "`",
                       "it is first defined at " + located(first.first->second)});
    else
      streaming[p.c.id] = p.c.expect.stream.has_value();
    if (first.second && p.c.has_steps) multi_step.insert(p.c.id);
  }
  std::vector<std::string> names;
  for (const auto& kv : ids) names.push_back(kv.first);
  for (const auto& p : parsed) {
    const auto& s = p.c.expect.stream;
    if (!s || s->compare_with.empty() || p.c.has_steps) continue;  // in a step: reported by the steps parser
    auto target = streaming.find(s->compare_with);
    if (target == streaming.end()) {
      std::string hint = did_you_mean(s->compare_with, names);
      if (hint.rfind("did you", 0) != 0) hint.clear();  // listing every case id would drown the message
      diags.push_back({p.compare_with_at, "`compare_with` names unknown case `" + s->compare_with + "`", hint});
    } else if (multi_step.count(s->compare_with)) {
      diags.push_back({p.compare_with_at,
                       "`compare_with` must name a single-request case; `" + s->compare_with + "` has `steps`", ""});
    } else if (target->second) {
      diags.push_back({p.compare_with_at,
                       "`compare_with` must name a non-streaming case; `" + s->compare_with + "` expects a stream", ""});
    }
  }
  out.reserve(out.size() + parsed.size());
  for (auto& p : parsed) out.push_back(std::move(p.c));
}

// One case file read and parsed on its own: files share nothing until finish().
struct FileLoad {
  std::string file;
  Diagnostics diags;
  std::vector<ParsedCase> parsed;

  void run() {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    YamlFile f(file, diags);
    if (!in) {
      f.error(SourceLocation{file, 0, 0}, "cannot read the file");
      return;
    }
    parse_text(text.str(), f, parsed);
  }
};

// Parsing the case files is most of a run's start-up, and each file is independent: they are
// parsed on as many threads as there are cores, each taking the next file not yet taken.
void load_files(std::vector<FileLoad>& files) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) files[i].run();
  };
  const std::size_t wanted = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), files.size());
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < wanted; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

}  // namespace

Diagnostics load_cases(const std::vector<std::string>& paths, std::vector<Case>& out) {
  Diagnostics diags;
  std::vector<FileLoad> files;
  for (auto& file : case_files(paths, diags)) files.push_back(FileLoad{std::move(file), {}, {}});
  load_files(files);
  // In file order, as if read one after the other. Reserved: a Case is 1.7 KB, and every
  // doubling of the vector moved them all into new pages (page faults are most of start-up's
  // kernel time).
  std::vector<ParsedCase> parsed;
  std::size_t count = 0;
  for (const auto& f : files) count += f.parsed.size();
  parsed.reserve(count);
  for (auto& f : files) {
    diags.insert(diags.end(), f.diags.begin(), f.diags.end());
    for (auto& p : f.parsed) parsed.push_back(std::move(p));
  }
  finish(parsed, diags, out);
  return diags;
}


Diagnostics load_cases_from_string(const std::string& yaml, const std::string& file_name, std::vector<Case>& out) {
  Diagnostics diags;
  std::vector<ParsedCase> parsed;
  YamlFile f(file_name, diags);
  parse_text(yaml, f, parsed);
  finish(parsed, diags, out);
  return diags;
}

}  // namespace ac
