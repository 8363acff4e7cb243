#include "redact/secrets.hpp"

namespace ac {

namespace {
Redactor& registry() {
  // Never destroyed: output may be flushed by static destructors after main returns.
  static Redactor* redactor = new Redactor;
  return *redactor;
}
}  // namespace

void add_process_secret(std::string_view secret) { registry().add_secret(secret); }

const Redactor& process_redactor() { return registry(); }

}  // namespace ac
