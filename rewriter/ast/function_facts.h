// Facts about one function definition, read off the Clang AST, and the rules
// that keep some functions out of instrumentation whatever the aspects say.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aspects/join_point.h"

namespace clang {
class ASTContext;
class CompoundStmt;
class Decl;
class SourceLocation;
class FunctionDecl;
class LambdaExpr;
}  // namespace clang

namespace orch {

// One function (or lambda) with a body, as the matcher and the weaver see it.
struct Candidate {
  const clang::FunctionDecl *decl = nullptr;
  const clang::LambdaExpr *lambda = nullptr;  // set for lambdas
  const clang::CompoundStmt *body = nullptr;  // where the span goes
  std::string path;                           // the file holding the body, absolute (code.file.path)
  FunctionFacts facts;
  std::string never_reason;  // non-empty: never instrumented, and why
};

// Builds a candidate; `project_root` makes facts.file relative.
Candidate describe_function(const clang::FunctionDecl &fd, const clang::LambdaExpr *lambda,
                            clang::ASTContext &ctx, const std::string &project_root);

// Where a declaration's text starts (as a file location): before its template
// header and attributes, including the `[[` or `__attribute__((` opening them.
clang::SourceLocation declaration_start(const clang::Decl &decl, clang::ASTContext &ctx);

// Parses `// orch:NAME key=value key="quoted value"` comment lines directly
// above `offset` in `text` (no blank line between). Exposed for unit tests.
std::vector<Directive> directives_above(std::string_view text, size_t offset);

}  // namespace orch
