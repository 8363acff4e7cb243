#include "redact/output_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "redact/secrets.hpp"

namespace ac {

OutputFile::~OutputFile() { abandon(); }

bool OutputFile::open(const std::string& path, const std::string& what, std::string& error,
                      std::size_t buffer_bytes) {
  abandon();
  path_ = path;
  what_ = what;
  temp_path_ = path + ".tmp-" + std::to_string(::getpid());
  error_.clear();
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (!file_) {
    error = path + ": cannot write " + what + ": " + std::strerror(errno);
    return false;
  }
  std::setvbuf(file_, nullptr, _IOFBF, buffer_bytes);
  return true;
}

bool OutputFile::open_live(const std::string& path, const std::string& what, std::string& error) {
  abandon();
  path_ = path;
  what_ = what;
  temp_path_.clear();
  error_.clear();
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) {
    error = path + ": cannot write " + what + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

void OutputFile::write(std::string_view text) {
  if (!file_ || !error_.empty()) return;
  const Redactor& redactor = process_redactor();
  std::string redacted;
  if (!redactor.empty()) {
    redacted.assign(text);
    redactor.apply_in_place(redacted);
    text = redacted;
  }
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size())
    error_ = path_ + ": cannot write " + what_ + ": " + std::strerror(errno);
}

void OutputFile::write_provisional(std::string_view text) {
  if (!file_ || !error_.empty()) return;
  const long before = std::ftell(file_);
  write(text);
  // Cut what an earlier, longer ending left beyond this one.
  if (std::fflush(file_) != 0 || ::ftruncate(::fileno(file_), std::ftell(file_)) != 0 ||
      std::fseek(file_, before, SEEK_SET) != 0) {
    if (error_.empty()) error_ = path_ + ": cannot write " + what_ + ": " + std::strerror(errno);
  }
}

bool OutputFile::commit(std::string& error) {
  if (!file_) {
    error = path_ + ": not open";
    return false;
  }
  // A live file may hold a provisional ending beyond what was written last: cut it.
  if (temp_path_.empty() && (std::fflush(file_) != 0 || ::ftruncate(::fileno(file_), std::ftell(file_)) != 0) &&
      error_.empty())
    error_ = path_ + ": cannot write " + what_ + ": " + std::strerror(errno);
  if (std::fclose(file_) != 0 && error_.empty()) error_ = path_ + ": cannot write " + what_ + ": " + std::strerror(errno);
  file_ = nullptr;
  if (error_.empty() && !temp_path_.empty() && std::rename(temp_path_.c_str(), path_.c_str()) != 0)
    error_ = path_ + ": cannot write " + what_ + ": " + std::strerror(errno);
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
