#include "redact/output_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "redact/secrets.hpp"

namespace ac {

OutputFile::~OutputFile() { abandon(); }

bool OutputFile::open(const std::string& path, const std::string& what, std::string& error,
                      std::size_t buffer_bytes) {
  if (!start(path, what, path + ".tmp-" + std::to_string(::getpid()), error)) return false;
  std::setvbuf(file_, nullptr, _IOFBF, buffer_bytes);
  return true;
}

bool OutputFile::open_live(const std::string& path, const std::string& what, std::string& error) {
  return start(path, what, "", error);
}

bool OutputFile::start(const std::string& path, const std::string& what, std::string temp_path, std::string& error) {
  abandon();
  path_ = path;
  what_ = what;
  temp_path_ = std::move(temp_path);
  error_.clear();
  file_ = std::fopen((temp_path_.empty() ? path_ : temp_path_).c_str(), "wb");
  if (!file_) {
    error = failure();
    return false;
  }
  return true;
}

std::string OutputFile::failure() const { return path_ + ": cannot write " + what_ + ": " + std::strerror(errno); }

void OutputFile::note_failure() {
  if (error_.empty()) error_ = failure();
}

bool OutputFile::end_here() { return std::fflush(file_) == 0 && ::ftruncate(::fileno(file_), std::ftell(file_)) == 0; }

void OutputFile::write(std::string_view text) {
  if (!file_ || !error_.empty()) return;
  const Redactor& redactor = process_redactor();
  std::string redacted;
  if (!redactor.empty()) {
    redacted.assign(text);
    redactor.apply_in_place(redacted);
    text = redacted;
  }
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) note_failure();
}

void OutputFile::write_provisional(std::string_view text) {
  if (!file_ || !error_.empty()) return;
  const long before = std::ftell(file_);
  write(text);
  // Cut what an earlier, longer ending left beyond this one.
  if (!end_here() || std::fseek(file_, before, SEEK_SET) != 0) note_failure();
}

bool OutputFile::commit(std::string& error) {
  if (!file_) {
    error = path_ + ": not open";
    return false;
  }
  // A live file may hold a provisional ending beyond what was written last: cut it.
  if (temp_path_.empty() && !end_here()) note_failure();
  if (std::fclose(file_) != 0) note_failure();
  file_ = nullptr;
  if (error_.empty() && !temp_path_.empty() && std::rename(temp_path_.c_str(), path_.c_str()) != 0) note_failure();
  if (!error_.empty()) {
    if (!temp_path_.empty()) std::remove(temp_path_.c_str());
    error = error_;
    return false;
  }
  return true;
}

void OutputFile::abandon() {
  if (!file_) return;
  std::fclose(file_);
  file_ = nullptr;
  if (!temp_path_.empty()) std::remove(temp_path_.c_str());  // a live file keeps what it has
}

bool write_output_file(const std::string& path, const std::string& what, std::string_view text, std::string& error) {
  OutputFile file;
  if (!file.open(path, what, error)) return false;
  file.write(text);
  return file.commit(error);
}

}  // namespace ac
