#include "redact/output_stream.hpp"

#include <unistd.h>

#include <iostream>
#include <streambuf>
#include <string>

#include "redact/secrets.hpp"
#include "redact/terminal_text.hpp"

namespace ac {

namespace {

class BoundaryBuf : public std::streambuf {
 public:
  BoundaryBuf(std::streambuf* dest, bool terminal) : dest_(dest), terminal_(terminal) {}

 protected:
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    pending_.push_back(traits_type::to_char_type(ch));
    if (pending_.size() >= kHoldBytes) pass_lines();
    return ch;
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    pending_.append(s, static_cast<std::size_t>(n));
    if (pending_.size() >= kHoldBytes) pass_lines();
    return n;
  }

  int sync() override {
    pass(pending_.size());
    return dest_->pubsync();
  }

 private:
  // Long output is passed on a line at a time: no secret holds a line break, so none is split.
  static constexpr std::size_t kHoldBytes = 64 * 1024;

  void pass_lines() {
    const std::size_t end = pending_.rfind('\n');
    pass(end == std::string::npos ? pending_.size() : end + 1);
  }

  void pass(std::size_t bytes) {
    if (bytes == 0) return;
    std::string text = pending_.substr(0, bytes);
    pending_.erase(0, bytes);
    process_redactor().apply_in_place(text);
    const std::string shown = neutralise_console(text, terminal_);
    dest_->sputn(shown.data(), static_cast<std::streamsize>(shown.size()));
  }

  std::streambuf* dest_;
  bool terminal_;
  std::string pending_;
};

}  // namespace

void install_output_boundary() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  // Never destroyed: the standard streams are flushed after static destructors have run.
  std::cout.rdbuf(new BoundaryBuf(std::cout.rdbuf(), isatty(STDOUT_FILENO) == 1));
  std::cerr.rdbuf(new BoundaryBuf(std::cerr.rdbuf(), isatty(STDERR_FILENO) == 1));
}

}  // namespace ac
