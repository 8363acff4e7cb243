#pragma once
#include <string>

#include "model/exchange.hpp"

namespace ac {

// The steps of a `steps:` case as plain text, one block per step: its label, what came back,
// and the curl line that sends it again, each line prefixed with `indent`. Empty for a
// one-request case. For the console and JUnit, where a failing middle step must be reproducible,
// not only the last one.
std::string steps_text(const Exchange& exchange, const std::string& indent);

}  // namespace ac
