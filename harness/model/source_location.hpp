#pragma once
#include <string>

namespace ac {

// Where something came from in a user's file; line and column are 1-based, 0 = unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

}  // namespace ac
