#include "cli/app.hpp"
#include "redact/output_stream.hpp"

int main(int argc, char** argv) {
  // First: nothing may be printed around the redaction boundary (docs/secrets.md).
  ac::install_output_boundary();
  return ac::run_cli(argc, argv);
}
