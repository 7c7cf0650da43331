// `FILE -- COMPILER ARGS` or `-p BUILD_DIR FILE` (compile_commands.json) ->
// a compile command and the configuration that applies to it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aspects/model.h"
#include "launcher/compile_command.h"

namespace orch {

struct UnitSelection {
  CompileCommand command;
  Config config;
};

// Prints the problem and returns nullopt when the arguments do not select a unit.
std::optional<UnitSelection> select_unit(const std::string &command_name, const std::vector<std::string> &args);

}  // namespace orch
