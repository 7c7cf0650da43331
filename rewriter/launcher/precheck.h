// Before the full parse: could any aspect match a function of this unit? A
// unit that no aspect can match is compiled as it is, at the cost of reading
// its source (and, when that is not enough, of preprocessing it) instead of a
// full Clang parse. See aspects/plausibility.h for what "could" means.
#pragma once

#include "aspects/model.h"
#include "launcher/compile_command.h"

namespace orch {

// False only when no aspect can match.
bool unit_may_match(const CompileCommand &cmd, const Config &config);

}  // namespace orch
