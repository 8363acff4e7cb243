// Fuzzes the case loader on arbitrary YAML: it must report problems as diagnostics, never crash,
// hang or overflow (ASan).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "load/case_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string yaml(reinterpret_cast<const char*>(data), size);
  std::vector<ac::Case> cases;
  ac::Diagnostics d = ac::load_cases_from_string(yaml, "fuzz.yaml", cases);
  // Every diagnostic must be printable with its location (format_diagnostic rereads no file here).
  for (const auto& x : d)
    if (x.message.empty()) __builtin_trap();
  return 0;
}
