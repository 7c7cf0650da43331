// orch's subcommands (everything that is not `orch <compiler> ...`).
#pragma once

#include <string>
#include <vector>

namespace orch {

// orch explain [-p BUILD_DIR] FILE [-- COMPILER ARGS...]
int command_explain(const std::vector<std::string> &args);
// orch diff [-p BUILD_DIR] FILE [-- COMPILER ARGS...]
int command_diff(const std::vector<std::string> &args);
// orch manifest FILE...
int command_manifest(const std::vector<std::string> &args);
// orch verify ... (execs orch-verify from the same bin directory)
int command_verify(const std::vector<std::string> &args);

}  // namespace orch
