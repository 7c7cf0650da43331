// `orch <compiler> <args...>`: the compiler launcher.
#pragma once

#include <string>
#include <vector>

namespace orch {

// Returns the exit code (or replaces the process with the compiler).
int run_launcher(const std::vector<std::string> &argv);

}  // namespace orch
