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

// Argument i written as a braced list (`{{"k", "v"}}`), which takes its type
// from the callee's parameter: that type, spelled so that `TYPE{...}` can
// stand anywhere (for a call that goes to a template, which cannot deduce
// from a braced list); "" for any other argument.
std::string braced_argument_type(const CallWeave &w, unsigned i);

// The index of the written argument `ref` (an index, or the callee's parameter
// name); nullopt with a note "ADVICE: not woven: ..." when there is none.
std::optional<unsigned> argument_index(CallWeave &w, const std::string &ref, const char *advice);

}  // namespace orch
