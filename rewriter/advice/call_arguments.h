// The arguments of a call as an advice names them (`arg: 1`, `arg: handler`).
#pragma once

#include <optional>
#include <string>

namespace clang { class Expr; }

namespace orch {

struct CallWeave;  // weave/weave_point.h

// The argument as written: conversions to the parameter's type (a lambda or
// `nullptr` becoming a std::function) are not what the user passed.
const clang::Expr *written_argument(const clang::Expr &call, unsigned i);

// The index of the written argument `ref` (an index, or the callee's parameter
// name); nullopt with a note "ADVICE: not woven: ..." when there is none.
std::optional<unsigned> argument_index(CallWeave &w, const std::string &ref, const char *advice);

}  // namespace orch
