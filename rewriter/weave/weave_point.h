// What an advice's weave is given: the shadow a join point matched, and where
// its edits and findings go. One BodyWeave or CallWeave per (shadow, aspect);
// each advice of the aspect weaves into it in turn.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "aspects/model.h"
#include "ast/call_sites.h"
#include "weave/call_syntax.h"
#include "weave/edits.h"
#include "weave/value_kind.h"

#include <clang/Basic/SourceLocation.h>

namespace clang { class ASTContext; }

namespace orch {

struct WeaveContext {
  clang::ASTContext &ast;
  const CustomValueTypes &custom_types;
  bool elides_named_return_in_try;  // the compiler keeps copy elision of a named local inside a try block
  bool warns_unused_parameters;     // the command may enable -Wunused-parameter
};

struct BodyWeave {
  const Candidate &fn;
  const Aspect &aspect;
  const WeaveContext &wc;
  unsigned ordinal;  // tells apart the span advices of one aspect on the same function
  EditList &edits;
  std::vector<std::string> &notes;  // for `orch explain`
};

struct CallWeave {
  const CallCandidate &call;
  const CallSyntax &syntax;
  const Aspect &aspect;
  const WeaveContext &wc;
  unsigned ordinal;
  EditList &edits;
  std::string &definitions;          // C: file-scope definitions, placed before the caller's declaration
  clang::SourceLocation definitions_at;  // where that declaration starts
  std::vector<std::string> &notes;   // for `orch explain`; an advice that cannot weave says why here
  std::vector<std::string> &errors;  // mistakes in the aspect that this call reveals (file:line:col: error: ...)
  std::set<std::string> &headers;    // of orch's include directory, for the file of the call (after the weave header)
  std::string callee_text;           // what the callee's text becomes (free shape); "": as written
  bool whole_call_taken = false;     // the call's text was rewritten as a whole: nothing else can wrap it
  bool woven = false;                // set by an advice that changed the call
};

}  // namespace orch
