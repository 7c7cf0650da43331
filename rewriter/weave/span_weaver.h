// The `span` advice: turns one matched function into text insertions.
//
// C++:  { static orch_site S = {...}; ::orch::weave::ScopedSpan P(&S); P.attr(..); try {
//         <original body> } catch (...) { P.record_exception(); throw; } }
// C:    { static orch_site S = {...};
//         __attribute__((cleanup(orch_w_end))) orch_span P = orch_w_start(&S); ...
//         <original body> }
// Everything goes on the lines of the body's braces, so no line moves.
#pragma once

#include "advice/span_options.h"
#include "weave/weave_point.h"

namespace orch {

// Adds the insertions for one function to `w.edits`, and notes for `orch
// explain` (arguments that could not be recorded, and why) to `w.notes`.
//
// Generated names (__orch_site_L_C...) come from the line and column of the
// body's opening brace: the same in every unit that compiles the function (an
// inline function or template in a header must read identically everywhere,
// or its definitions would differ between units), and distinct for bodies
// nested in one another (lambdas, local classes).
void weave_span(BodyWeave &w, const SpanOptions &options);

}  // namespace orch
