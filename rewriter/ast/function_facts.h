// Facts about one function definition, read off the Clang AST, and the rules
// that keep some functions out of instrumentation whatever the aspects say.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "match/shadow.h"

namespace clang {
class ASTContext;
class CompoundStmt;
class Decl;
class SourceLocation;
class CXXRecordDecl;
class FunctionDecl;
class SourceManager;
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

// The facts that name a function (qualified name, name, namespace, class,
// kind), wherever it is declared.
FunctionFacts naming_facts(const clang::FunctionDecl &fd, const clang::SourceManager &sm);
// A class's qualified name as join points see it (no template arguments).
std::string class_name(const clang::CXXRecordDecl &rd, const clang::SourceManager &sm);
// `abs` relative to `root` when it is inside it, else `abs`.
std::string path_relative_to(const std::string &abs, const std::string &root);

// Where a declaration's text starts (as a file location): before its template
// header and attributes, including the `[[` or `__attribute__((` opening them.
clang::SourceLocation declaration_start(const clang::Decl &decl, clang::ASTContext &ctx);

// Parses `// orch:NAME key=value key="quoted value"` comment lines directly
// above `offset` in `text` (no blank line between). Exposed for unit tests.
std::vector<Directive> directives_above(std::string_view text, size_t offset);

}  // namespace orch
