// Running the real compiler.
#pragma once

#include <string>
#include <vector>

namespace orch {

// Replaces this process with argv (never returns; exits 127 if it cannot).
[[noreturn]] void exec_command(const std::vector<std::string> &argv);

// Runs argv to completion with stdout and stderr inherited; returns the exit
// status as run_command does.
int run_inherited(const std::vector<std::string> &argv);

// Runs argv to completion with its stderr captured into `err`; stdout is
// inherited. Returns the exit status (128+N when killed by signal N).
int run_command(const std::vector<std::string> &argv, std::string &err);

}  // namespace orch
