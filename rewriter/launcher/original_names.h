// The rewritten unit is compiled under its own path (rewritten_path in
// unit_job.h). These make what the compiler writes name the original source
// as the plain build does: __FILE__, __BASE_FILE__ and __builtin_FILE (macro
// prefix map), debug info (debug prefix map), coverage notes (profile prefix
// map), each composed with the command's own maps. (Diagnostics:
// plain_diagnostics.h.)
#pragma once

#include <string>
#include <vector>

#include "launcher/compile_command.h"

namespace orch {

// Flags to append to the command that compiles `rewritten` in place of cmd's source.
std::vector<std::string> original_name_flags(const CompileCommand &cmd, const std::string &rewritten);

}  // namespace orch
