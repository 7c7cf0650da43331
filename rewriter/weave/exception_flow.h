// Whether an exception can leave a function body: decides whether the span
// advice wraps it in try/catch. Compiling that handler is most of what an
// instrumented one-line function costs, so a body that provably cannot throw
// (no call that may throw, no throw, no throwing new or delete, dynamic_cast or
// typeid) gets none.
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

// Conservative: true unless every expression `body` (of `fd`) evaluates is
// known not to throw (dependent code in templates counts as throwing). Lambda
// bodies and local classes inside are not part of it. A call whose target is
// known (not dispatched virtually, not through a pointer) to a function whose
// definition this unit holds counts by that definition when its declaration
// allows exceptions: it cannot throw if its own body cannot, followed the same
// way (recursion, to a bounded depth). A body orch's parse skipped (outside the
// project) is unknown, so such a call may throw.
bool body_can_throw(const clang::FunctionDecl &fd, const clang::Stmt *body, const clang::ASTContext &ast);

}  // namespace orch
