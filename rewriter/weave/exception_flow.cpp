#include "weave/exception_flow.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>

using namespace clang;

namespace orch {
namespace {

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

class ThrowFinder : public RecursiveASTVisitor<ThrowFinder> {
public:
  explicit ThrowFinder(const ASTContext &ast) : ast_(ast) {}
  bool found = false;

  // Defined here, run elsewhere.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  // Evaluated here although the visitor does not descend into them.
  bool VisitCXXDefaultArgExpr(CXXDefaultArgExpr *e) { return TraverseStmt(e->getExpr()); }
  bool VisitCXXDefaultInitExpr(CXXDefaultInitExpr *e) { return TraverseStmt(e->getExpr()); }

  bool VisitCallExpr(CallExpr *call) {
    const Decl *callee = call->getCalleeDecl();
    if (const auto *fd = dyn_cast_or_null<FunctionDecl>(callee)) return check(!function_can_throw(*fd, ast_));
    const Expr *target = call->getCallee();
    return check(target && !target->isTypeDependent() && is_nothrow_type(target->getType()));
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *e) { return check(!function_can_throw(*e->getConstructor(), ast_)); }
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *e) { return check(has_nothrow_destructor(e->getType())); }
  bool VisitVarDecl(VarDecl *var) { return check(!var->hasLocalStorage() || has_nothrow_destructor(var->getType())); }
  bool VisitCXXThrowExpr(CXXThrowExpr *) { return check(false); }
  bool VisitCXXNewExpr(CXXNewExpr *) { return check(false); }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *) { return check(false); }
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
  const ASTContext &ast_;
};

}  // namespace

bool function_can_throw(const FunctionDecl &fd, const ASTContext &ast) {
  if (fd.hasAttr<NoThrowAttr>()) return false;
  if (unsigned id = fd.getBuiltinID()) return !ast.BuiltinInfo.isNoThrow(id);
  const auto *proto = fd.getType()->getAs<FunctionProtoType>();
  if (!proto) return true;
  ExceptionSpecificationType est = proto->getExceptionSpecType();
  if (isa<CXXDestructorDecl>(fd)) return est == EST_NoexceptFalse || est == EST_Dynamic;  // implicitly noexcept
  return !proto->isNothrow();
}

bool body_can_throw(const Stmt *body, const ASTContext &ast) {
  ThrowFinder finder(ast);
  finder.TraverseStmt(const_cast<Stmt *>(body));
  return finder.found;
}

}  // namespace orch
