#include "cli/app.hpp"

#include <iostream>

namespace ac {

int run_cli(int argc, char** argv) {
  std::cerr << "apiconform: not implemented yet\n";
  return 2;
}

}  // namespace ac
