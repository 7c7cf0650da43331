// The calls written in the project's code of one unit: the call-site
// shadows. Found in the unit's own text (template patterns, not their
// instantiations), leaving out what can never be rewritten faithfully:
// unevaluated operands, constant-evaluated contexts, default arguments and
// default member initializers, statements under `// orch:ignore`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ast/function_facts.h"
#include "ast/project_files.h"

namespace clang {
class ASTContext;
class Expr;
}  // namespace clang

namespace orch {

struct CallCandidate {
  const clang::Expr *expr = nullptr;              // CallExpr (member, operator) or CXXConstructExpr
  const clang::FunctionDecl *callee = nullptr;
  const Candidate *caller = nullptr;              // nullptr at namespace scope
  std::string path;                               // the file holding the call, absolute (code.file.path)
  CallFacts facts;
  std::string never_reason;                       // non-empty: never woven, and why
};

// `callers` maps each function with a body (lambdas: their call operator) to its candidate.
std::vector<CallCandidate> collect_calls(clang::ASTContext &ctx, const ProjectFiles &project,
                                         const std::map<const clang::FunctionDecl *, const Candidate *> &callers,
                                         const std::string &project_root);

}  // namespace orch
