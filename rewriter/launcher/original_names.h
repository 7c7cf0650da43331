// The rewritten unit is compiled under its own path (rewritten_path in
// unit_job.h). These make what the compiler writes name the original source
// as the plain build does: __FILE__, __BASE_FILE__ and __builtin_FILE (macro
// prefix map), debug info (debug prefix map), coverage notes (profile prefix
// map), each composed with the command's own maps; and diagnostics.
#pragma once

#include <string>
#include <vector>

#include "launcher/compile_command.h"
#include "weave/unit_rewriter.h"

namespace orch {

// Flags to append to the command that compiles `rewritten` in place of cmd's source.
std::vector<std::string> original_name_flags(const CompileCommand &cmd, const std::string &rewritten);

// The compiler's diagnostics naming the source instead of the rewritten unit,
// and its source lines as the plain build shows them where the weave changed
// nothing up to the column shown (else the rewritten line). GCC reads the
// line a location names from the file at its presumed line number, which is
// not the file's line where the unit's prelude took lines of its own.
std::string name_original_in(const CompileCommand &cmd, const std::string &diagnostics, const std::string &rewritten,
                             const UnitRewrite &rewrite, const std::string &original_text);

}  // namespace orch
