// The command line of `orch verify` (orch-verify).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace orch::verify {

struct Options {
  std::string plain;         // the uninstrumented build of the program
  std::string instrumented;  // the same program built through orch
  int runs = 5;              // per mode
  std::string json_path;     // --json, empty: none
  std::string html_path;     // --html, empty: none
  std::string workload;      // --workload: a shell command run while the program serves
  std::vector<std::string> args; // after --: the program's arguments
};

// Bad command lines: the message says what is wrong; main prints the usage too.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// argv without the program name. --help or -h before any "--": print kUsage, exit 0.
bool wants_help(const std::vector<std::string> &argv);
Options parse_options(const std::vector<std::string> &argv);

extern const char kUsage[];

} // namespace orch::verify
