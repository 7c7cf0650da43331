// The `span` advice: turns one matched function into text insertions.
//
// C++:  { static orch_site S = {...}; ::orch::weave::ScopedSpan P(&S); P.attr(..); try {
//         <original body> } catch (...) { P.record_exception(); throw; } }
// C:    { static orch_site S = {...};
//         __attribute__((cleanup(orch_w_end))) orch_span P = orch_w_start(&S); ...
//         <original body> }
// Everything goes on the lines of the body's braces, so no line moves.
#pragma once

#include <string>
#include <vector>

#include "aspects/model.h"
#include "ast/function_facts.h"
#include "weave/edits.h"
#include "weave/value_kind.h"

namespace clang { class ASTContext; }

namespace orch {

struct WeaveContext {
  clang::ASTContext &ast;
  const CustomValueTypes &custom_types;
};

// Adds the insertions for one function to `edits`; `ordinal` tells apart the
// span advices of one aspect on the same function. Returns notes for `orch
// explain` (arguments that could not be recorded, and why).
//
// Generated names (__orch_site_L_C...) come from the line and column of the
// body's opening brace: the same in every unit that compiles the function (an
// inline function or template in a header must read identically everywhere,
// or its definitions would differ between units), and distinct for bodies
// nested in one another (lambdas, local classes).
std::vector<std::string> weave_span(const Candidate &fn, const Aspect &aspect, const SpanAdvice &advice,
                                    const WeaveContext &wc, unsigned ordinal, EditList &edits);

}  // namespace orch
