// Whether an exception can leave a function body: decides whether the span
// advice wraps it in try/catch. Compiling that handler is most of what an
// instrumented one-line function costs, so a body that provably cannot throw
// (no call that may throw, no throw, new, dynamic_cast or typeid) gets none.
#pragma once

namespace clang {
class ASTContext;
class FunctionDecl;
class Stmt;
}  // namespace clang

namespace orch {

// Whether the function's declaration lets an exception out: not noexcept
// (destructors are unless declared otherwise), not a nothrow builtin.
bool function_can_throw(const clang::FunctionDecl &fd, const clang::ASTContext &ast);

// Conservative: true unless every expression the body evaluates is known not
// to throw (dependent code in templates counts as throwing). Lambda bodies and
// local classes inside are not part of it.
bool body_can_throw(const clang::Stmt *body, const clang::ASTContext &ast);

}  // namespace orch
