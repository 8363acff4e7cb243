#pragma once
#include <cstdio>
#include <string>
#include <string_view>

namespace ac {

// Every file apiconform writes goes through here (a test checks that nothing else in harness/
// opens a file for writing). The text is redacted with the process's secrets
// (redact/secrets.hpp) as it is written, and the file appears under its name only when complete:
// it is written to "<path>.tmp-<pid>" and renamed over <path> by commit(), so a reader, a crash
// or an interrupt never sees half a file.
class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();  // without commit(), the temporary file is removed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // `what` names the file in errors: "<path>: cannot write <what>: <reason>".
  bool open(const std::string& path, const std::string& what, std::string& error,
            std::size_t buffer_bytes = 64 * 1024);
  // Instead of open(): the file is written under its own name from the start, for an output that
  // must survive a crash of the process (`proxy`'s results.json, kept readable after every
  // exchange with write_provisional()). commit() then only closes it.
  bool open_live(const std::string& path, const std::string& what, std::string& error);
  // Each call is redacted whole: give whole units (a result, a report), not fragments of one.
  void write(std::string_view text);
  // Writes `text` (redacted) and flushes it to the file, then steps back before it: the next
  // write() replaces it. A live file's ending (the closing brackets of a JSON document) is written
  // this way, so the file on disk is whole after each unit while more units can still follow.
  void write_provisional(std::string_view text);
  bool commit(std::string& error);
  void abandon();
  bool is_open() const { return file_ != nullptr; }
  // The first write error, "<path>: <reason>"; empty while all is well.
  const std::string& error() const { return error_; }

 private:
  // open() and open_live(): a temp_path is written and renamed at commit(); "" writes `path` itself.
  bool start(const std::string& path, const std::string& what, std::string temp_path, std::string& error);
  // "<path>: cannot write <what>: <reason>", for the call that just failed (errno).
  std::string failure() const;
  void note_failure();  // the first failure is kept
  // Flushes and cuts the file where the next write goes (a longer provisional ending beyond it).
  bool end_here();

  std::FILE* file_ = nullptr;
  std::string path_;
  std::string temp_path_;  // empty for a live file
  std::string what_;
  std::string error_;
};

// The whole of `text` as the file `path`, through OutputFile.
bool write_output_file(const std::string& path, const std::string& what, std::string_view text, std::string& error);

}  // namespace ac
