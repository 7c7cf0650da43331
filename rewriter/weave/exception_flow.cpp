#include "weave/exception_flow.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <llvm/ADT/SmallPtrSet.h>

using namespace clang;

namespace orch {
namespace {

// Bounds on following calls into definitions, from one instrumented body: how
// deep a chain of calls, and how many definitions in all. Past either, the
// call counts as throwing (and the body keeps its try/catch).
constexpr unsigned kMaxCallDepth = 16;
constexpr unsigned kMaxDefinitions = 256;

// The definitions followed from one instrumented body. A function in `entered`
// is proved not to throw, or being proved: a call back into it (recursion)
// adds no way to throw that its body does not have already. If the proof
// fails anywhere, the whole answer is "may throw", so nothing is kept wrong.
struct CallWalk {
  const ASTContext &ast;
  llvm::SmallPtrSet<const FunctionDecl *, 32> entered;
  unsigned depth = 0;
};

bool stmt_can_throw(const Stmt *stmt, CallWalk &walk);

bool is_nothrow_type(QualType type) {
  if (const auto *ptr = type->getAs<PointerType>()) type = ptr->getPointeeType();
  else if (const auto *member = type->getAs<MemberPointerType>()) type = member->getPointeeType();
  const auto *proto = type->getAs<FunctionProtoType>();
  return proto && proto->isNothrow();
}

bool has_nothrow_destructor(QualType type) {
  const CXXRecordDecl *record = type->getBaseElementTypeUnsafe()->getAsCXXRecordDecl();
  if (!record || !record->hasDefinition()) return !type->isDependentType();
  const CXXDestructorDecl *dtor = record->getDestructor();
  return !dtor || !function_can_throw(*dtor, dtor->getASTContext());
}

// The function a call runs, unless it is chosen at run time (a virtual call
// that Clang cannot devirtualize) or the call goes through a pointer: null then.
const FunctionDecl *static_target(const CallExpr &call) {
  const auto *fd = dyn_cast_or_null<FunctionDecl>(call.getCalleeDecl());
  const auto *method = dyn_cast_or_null<CXXMethodDecl>(fd);
  if (!method || !method->isVirtual()) return fd;
  const Expr *object = nullptr;
  if (const auto *member_call = dyn_cast<CXXMemberCallExpr>(&call)) {
    const auto *member = dyn_cast<MemberExpr>(member_call->getCallee()->IgnoreParens());
    if (member && member->hasQualifier()) return fd;  // Base::f(): no dispatch
    object = member_call->getImplicitObjectArgument();
  } else if (isa<CXXOperatorCallExpr>(call) && call.getNumArgs() > 0) {
    object = call.getArg(0);
  }
  return object ? method->getDevirtualizedMethod(object, /*IsAppleKext=*/false) : nullptr;
}

// A constructor's member and base initializers run before its body.
bool definition_can_throw(const FunctionDecl &def, const Stmt *body, CallWalk &walk) {
  if (const auto *ctor = dyn_cast<CXXConstructorDecl>(&def))
    for (const CXXCtorInitializer *init : ctor->inits())
      if (stmt_can_throw(init->getInit(), walk)) return true;
  return stmt_can_throw(body, walk);
}

// Whether calling `fd` may throw: by its declaration, or, if that allows
// exceptions, by its definition in this unit.
bool call_can_throw(const FunctionDecl &fd, CallWalk &walk) {
  if (!function_can_throw(fd, walk.ast)) return false;
  const FunctionDecl *def = nullptr;
  const Stmt *body = fd.getBody(def);
  if (!body) return true;  // declared only, or its body skipped by orch's parse
  if (!walk.entered.insert(def->getCanonicalDecl()).second) return false;
  if (walk.depth == kMaxCallDepth || walk.entered.size() > kMaxDefinitions) return true;
  ++walk.depth;
  bool can_throw = definition_can_throw(*def, body, walk);
  --walk.depth;
  return can_throw;
}

class ThrowFinder : public RecursiveASTVisitor<ThrowFinder> {
public:
  explicit ThrowFinder(CallWalk &walk) : walk_(walk), ast_(walk.ast) {}
  bool found = false;

  // A lambda's body runs where the closure is called (a call to its
  // operator(), followed like any other); creating it copies the captures.
  bool TraverseLambdaExpr(LambdaExpr *e) {
    for (Expr *init : e->capture_inits())
      if (init && !TraverseStmt(init)) return false;
    return true;
  }
  // Defined here, run elsewhere.
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  // Evaluated here although the visitor does not descend into them.
  bool VisitCXXDefaultArgExpr(CXXDefaultArgExpr *e) { return TraverseStmt(e->getExpr()); }
  bool VisitCXXDefaultInitExpr(CXXDefaultInitExpr *e) { return TraverseStmt(e->getExpr()); }

  bool VisitCallExpr(CallExpr *call) {
    if (const FunctionDecl *target = static_target(*call)) return check(!call_can_throw(*target, walk_));
    // Dispatched virtually: every overrider of a noexcept function is noexcept.
    if (const auto *fd = dyn_cast_or_null<FunctionDecl>(call->getCalleeDecl()))
      return check(!function_can_throw(*fd, ast_));
    const Expr *target = call->getCallee();
    return check(target && !target->isTypeDependent() && is_nothrow_type(target->getType()));
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *e) { return check(!call_can_throw(*e->getConstructor(), walk_)); }
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *e) { return check(has_nothrow_destructor(e->getType())); }
  bool VisitVarDecl(VarDecl *var) { return check(!var->hasLocalStorage() || has_nothrow_destructor(var->getType())); }
  bool VisitCXXThrowExpr(CXXThrowExpr *) { return check(false); }
  // By the allocation function's declaration (placement new is noexcept); the
  // constructor is a child. An array's length may be invalid: that throws.
  bool VisitCXXNewExpr(CXXNewExpr *e) {
    const FunctionDecl *allocate = e->getOperatorNew();
    return check(!e->isArray() && allocate && !function_can_throw(*allocate, ast_));
  }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *e) {
    const FunctionDecl *deallocate = e->getOperatorDelete();
    QualType destroyed = e->getDestroyedType();
    return check(deallocate && !function_can_throw(*deallocate, ast_) &&
                 (destroyed.isNull() || has_nothrow_destructor(destroyed)));
  }
  bool VisitCXXDynamicCastExpr(CXXDynamicCastExpr *) { return check(false); }
  bool VisitCXXTypeidExpr(CXXTypeidExpr *) { return check(false); }
  // Anything left unresolved until instantiation may call anything.
  bool VisitExpr(Expr *e) { return check(!e->isTypeDependent() && !e->isValueDependent()); }

private:
  // Stops the traversal at the first expression that may throw.
  bool check(bool nothrow) {
    if (!nothrow) found = true;
    return nothrow;
  }
  CallWalk &walk_;
  const ASTContext &ast_;
};

bool stmt_can_throw(const Stmt *stmt, CallWalk &walk) {
  ThrowFinder finder(walk);
  finder.TraverseStmt(const_cast<Stmt *>(stmt));
  return finder.found;
}

}  // namespace

bool function_can_throw(const FunctionDecl &fd, const ASTContext &ast) {
  if (fd.hasAttr<NoThrowAttr>()) return false;
  if (unsigned id = fd.getBuiltinID()) return !ast.BuiltinInfo.isNoThrow(id);
  const auto *proto = fd.getType()->getAs<FunctionProtoType>();
  if (!proto) return true;
  ExceptionSpecificationType est = proto->getExceptionSpecType();
  if (isa<CXXDestructorDecl>(fd)) return est == EST_NoexceptFalse || est == EST_Dynamic;  // implicitly noexcept
  if (isUnresolvedExceptionSpec(est)) return true;  // never needed by Sema: unknown
  return !proto->isNothrow();
}

bool body_can_throw(const FunctionDecl &fd, const Stmt *body, const ASTContext &ast) {
  CallWalk walk{ast, {}, 0};
  walk.entered.insert(fd.getCanonicalDecl());  // a recursive call adds nothing
  return stmt_can_throw(body, walk);
}

}  // namespace orch
