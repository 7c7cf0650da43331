// The diagnostics of the compile of a rewritten unit, as the plain build
// gives them.
#pragma once

#include <string>

#include "launcher/compile_command.h"
#include "weave/unit_rewriter.h"

namespace orch {

// The compiler's diagnostics naming the source instead of the rewritten unit
// (`rewritten`), and in it each location's column, source line and carets as
// they are in the line as written (`original_text`), the weave's insertions
// taken out (UnitRewrite::line_edits). A diagnostic about woven code itself is
// left as the compiler gave it. GCC counts columns in display columns of the
// line it reads by presumed line number from the file, which is another line
// of the rewritten unit where its prelude took lines of its own.
std::string plain_diagnostics(const CompileCommand &cmd, const std::string &diagnostics, const std::string &rewritten,
                              const UnitRewrite &rewrite, const std::string &original_text);

}  // namespace orch
