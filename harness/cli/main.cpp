#include "cli/app.hpp"

int main(int argc, char** argv) { return ac::run_cli(argc, argv); }
