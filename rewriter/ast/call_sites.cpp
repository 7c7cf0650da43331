#include "ast/call_sites.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

#include <filesystem>

using namespace clang;

namespace orch {
namespace {

const char *never_for_caller(const Candidate &caller) {
  const FunctionDecl &fd = *caller.decl;
  if (fd.isConsteval()) return "in a consteval function";
  if (caller.never_reason.rfind("constexpr", 0) == 0) return "in a constexpr function (must stay usable in constant expressions)";
  if (caller.never_reason == "lambda in a constant-evaluated context") return "in a lambda in a constant-evaluated context";
  if (caller.facts.directive("orch:ignore")) return "in a function under // orch:ignore";
  return nullptr;
}

// Written arguments: default arguments the compiler fills in are not.
unsigned written_arguments(const Expr &e) {
  unsigned n = 0;
  auto count = [&](const Expr *arg) { n += !isa<CXXDefaultArgExpr>(arg); };
  if (const auto *call = dyn_cast<CallExpr>(&e))
    for (const Expr *arg : call->arguments()) count(arg);
  else if (const auto *construct = dyn_cast<CXXConstructExpr>(&e))
    for (const Expr *arg : construct->arguments()) count(arg);
  return n;
}

CallKind call_kind(const Expr &e, const FunctionDecl &callee) {
  if (isa<CXXConstructExpr>(e)) return CallKind::Constructor;
  if (isa<CXXOperatorCallExpr>(e)) return CallKind::Operator;
  return isa<CXXMethodDecl>(callee) ? CallKind::Method : CallKind::Function;
}

// The object's static class and its bases (member calls).
std::vector<std::string> object_classes(const Expr &e, const SourceManager &sm) {
  std::vector<std::string> out;
  const auto *member_call = dyn_cast<CXXMemberCallExpr>(&e);
  const Expr *object = member_call ? member_call->getImplicitObjectArgument() : nullptr;
  if (!object) return out;
  QualType type = object->getType();
  if (type->isPointerType()) type = type->getPointeeType();
  const CXXRecordDecl *rd = type->getAsCXXRecordDecl();
  if (!rd || !rd->hasDefinition()) return out;
  out.push_back(class_name(*rd, sm));
  rd->forallBases([&](const CXXRecordDecl *base) {
    out.push_back(class_name(*base, sm));
    return true;
  });
  return out;
}

class CallCollector : public RecursiveASTVisitor<CallCollector> {
public:
  CallCollector(ASTContext &ctx, const ProjectFiles &project,
                const std::map<const FunctionDecl *, const Candidate *> &callers, std::string root)
      : ctx_(ctx), sm_(ctx.getSourceManager()), project_(project), callers_(callers), root_(std::move(root)) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }

  // Where a call is never evaluated, or evaluated at compile time, or
  // evaluated elsewhere than it is written.
  bool TraverseTypeLoc(TypeLoc) { return true; }  // decltype, array bounds, default arguments
  bool TraverseTemplateArgumentLoc(const TemplateArgumentLoc &) { return true; }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *, DataRecursionQueue * = nullptr) { return true; }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *, DataRecursionQueue * = nullptr) { return true; }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *, DataRecursionQueue * = nullptr) { return true; }
  bool TraverseRequiresExpr(RequiresExpr *, DataRecursionQueue * = nullptr) { return true; }
  bool TraverseConstantExpr(ConstantExpr *, DataRecursionQueue * = nullptr) { return true; }
  bool TraverseStaticAssertDecl(StaticAssertDecl *) { return true; }
  bool TraverseFieldDecl(FieldDecl *) { return true; }
  bool TraverseVarDecl(VarDecl *vd) {
    bool constant = vd->isConstexpr() || vd->hasAttr<ConstInitAttr>() ||
                    (vd->getType().isConstQualified() && vd->getType()->isIntegralOrEnumerationType());
    return constant || RecursiveASTVisitor::TraverseVarDecl(vd);
  }

  bool TraverseCompoundStmt(CompoundStmt *cs, DataRecursionQueue * = nullptr) {
    for (Stmt *child : cs->body())
      if (!under_ignore(*child)) TraverseStmt(child);
    return true;
  }

  bool TraverseFunctionDecl(FunctionDecl *fd) { return in_function(fd, [&] { return RecursiveASTVisitor::TraverseFunctionDecl(fd); }); }
  bool TraverseCXXMethodDecl(CXXMethodDecl *fd) { return in_function(fd, [&] { return RecursiveASTVisitor::TraverseCXXMethodDecl(fd); }); }
  bool TraverseCXXConstructorDecl(CXXConstructorDecl *fd) {
    return in_function(fd, [&] { return RecursiveASTVisitor::TraverseCXXConstructorDecl(fd); });
  }
  bool TraverseCXXDestructorDecl(CXXDestructorDecl *fd) {
    return in_function(fd, [&] { return RecursiveASTVisitor::TraverseCXXDestructorDecl(fd); });
  }
  bool TraverseCXXConversionDecl(CXXConversionDecl *fd) {
    return in_function(fd, [&] { return RecursiveASTVisitor::TraverseCXXConversionDecl(fd); });
  }
  bool TraverseLambdaExpr(LambdaExpr *le, DataRecursionQueue * = nullptr) {
    return in_function(le->getCallOperator(), [&] { return RecursiveASTVisitor::TraverseLambdaExpr(le); });
  }

  bool VisitCallExpr(CallExpr *ce) {
    if (isa<UserDefinedLiteral>(ce) || isa<CUDAKernelCallExpr>(ce)) return true;
    add(*ce, ce->getDirectCallee());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *ce) {
    // Only constructor calls written as such: T(...), T{...}, new T(...), T x(...).
    if (ce->getParenOrBraceRange().isValid() || isa<CXXTemporaryObjectExpr>(ce)) add(*ce, ce->getConstructor());
    return true;
  }

  std::vector<CallCandidate> calls;

private:
  template <class F> bool in_function(FunctionDecl *fd, F traverse) {
    const Candidate *saved = caller_;
    auto it = callers_.find(fd);
    caller_ = it == callers_.end() ? nullptr : it->second;
    bool ok = traverse();
    caller_ = saved;
    return ok;
  }

  bool under_ignore(const Stmt &s) const {
    SourceLocation at = sm_.getExpansionLoc(s.getBeginLoc());
    bool invalid = false;
    StringRef buffer = sm_.getBufferData(sm_.getFileID(at), &invalid);
    if (invalid) return false;
    for (const Directive &d : directives_above(std::string_view(buffer.data(), buffer.size()), sm_.getFileOffset(at)))
      if (d.name == "orch:ignore") return true;
    return false;
  }

  void add(const Expr &e, const FunctionDecl *callee) {
    SourceLocation at = sm_.getFileLoc(e.getBeginLoc());
    OptionalFileEntryRef file = sm_.getFileEntryRefForID(sm_.getFileID(at));
    if (!file || !project_.contains(&file->getFileEntry())) return;
    CallCandidate c;
    c.expr = &e;
    c.callee = callee;
    c.caller = caller_;
    c.path = std::filesystem::absolute(std::string(file->getName())).lexically_normal().string();
    CallFacts &f = c.facts;
    if (callee) {
      f.callee = naming_facts(*callee, sm_);
      f.kind = call_kind(e, *callee);
      f.object_classes = object_classes(e, sm_);
      if (const auto *proto = callee->getType()->getAs<FunctionProtoType>())
        for (QualType p : proto->getParamTypes()) f.parameter_types.push_back(p.getAsString(ctx_.getPrintingPolicy()));
    }
    f.callee.file = path_relative_to(c.path, root_);
    f.callee.line = sm_.getPresumedLineNumber(at);
    f.column = sm_.getPresumedColumnNumber(at);
    f.arguments = written_arguments(e);
    c.never_reason = never_reason(e, callee);
    calls.push_back(std::move(c));
  }

  std::string never_reason(const Expr &e, const FunctionDecl *callee) const {
    if (!callee)
      return "the callee is not known here (a call through a function pointer or std::function, or a dependent "
             "call in a template)";
    // Library functions the compiler knows (printf, strlen) stay calls; the rest are expanded in place.
    if (unsigned id = callee->getBuiltinID(); id && !ctx_.BuiltinInfo.isPredefinedLibFunction(id))
      return "a compiler builtin";
    if (callee->isConsteval()) return "an immediate (consteval) call";
    if (caller_)
      if (const char *why = never_for_caller(*caller_)) return why;
    CharSourceRange range = Lexer::makeFileCharRange(CharSourceRange::getTokenRange(e.getSourceRange()), sm_,
                                                     ctx_.getLangOpts());
    if (range.isInvalid()) return "written by a macro's body";
    return "";
  }

  ASTContext &ctx_;
  const SourceManager &sm_;
  const ProjectFiles &project_;
  const std::map<const FunctionDecl *, const Candidate *> &callers_;
  std::string root_;
  const Candidate *caller_ = nullptr;
};

}  // namespace

std::vector<CallCandidate> collect_calls(ASTContext &ctx, const ProjectFiles &project,
                                         const std::map<const FunctionDecl *, const Candidate *> &callers,
                                         const std::string &project_root) {
  CallCollector collector(ctx, project, callers, project_root);
  collector.TraverseDecl(ctx.getTranslationUnitDecl());
  return std::move(collector.calls);
}

}  // namespace orch
