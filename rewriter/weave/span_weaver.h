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
  std::string source_path;  // code.file.path: the original source, absolute
};

// Adds the insertions for one function to `edits`; `index` makes the
// generated names unique in the unit. Returns notes for `orch explain`
// (arguments that could not be recorded, and why).
std::vector<std::string> weave_span(const Candidate &fn, const Aspect &aspect, const SpanAdvice &advice,
                                    const WeaveContext &wc, unsigned index, EditList &edits);

}  // namespace orch
