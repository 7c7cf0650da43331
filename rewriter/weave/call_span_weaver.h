// The `span` advice on a call: the span covers the call itself, after its
// arguments are evaluated and until it returns or throws.
//
// C++ (needs C++14): the callee becomes an immediately invoked lambda whose
// parameters have the callee's parameter types, so the arguments are converted
// and evaluated exactly as before (nested calls in them are not children of
// the span), and the lambda calls the callee as written:
//   f(a, b)    ->  [&](P0 __orch_a0, P1 __orch_a1) -> decltype(auto) { <site>; <span>;
//                      return f(static_cast<P0 &&>(__orch_a0), ...); }(a, b)
//   obj.m(a)   ->  [&](auto &&__orch_o, P0 __orch_a0) -> decltype(auto) { ...;
//                      return static_cast<decltype(__orch_o) &&>(__orch_o).m(...); }(obj, a)
// C: a static function with the callee's prototype, defined before the
// calling function, takes the callee's place:
//   f(a, b)    ->  __orch_call_L_C(a, b)
// Everything stays on the call's lines.
#pragma once

#include "advice/span_options.h"
#include "weave/weave_point.h"

namespace orch {

void weave_call_span(CallWeave &w, const SpanOptions &options);

}  // namespace orch
