#pragma once

namespace ac {

// Puts the redaction boundary in front of std::cout and std::cerr: whatever any part of the
// program prints (the console, diagnostics, CLI11's messages) is held until a flush or a line
// end, redacted whole with the process's secrets (redact/secrets.hpp), and its control
// characters neutralised (redact/terminal_text.hpp: on a terminal our own colour and progress
// sequences pass, in a pipe or file nothing does). Called once, first thing in main.
void install_output_boundary();

}  // namespace ac
