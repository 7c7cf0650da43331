#include "advice/call_arguments.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/QualTypeNames.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>

#include "ast/call_sites.h"
#include "weave/weave_point.h"

using namespace clang;

namespace orch {

const Expr *written_argument(const Expr &call, unsigned i) {
  unsigned n = 0;
  auto args = isa<CXXConstructExpr>(call) ? cast<CXXConstructExpr>(call).arguments() : cast<CallExpr>(call).arguments();
  for (const Expr *arg : args)
    if (!isa<CXXDefaultArgExpr>(arg) && n++ == i) return arg->IgnoreUnlessSpelledInSource();
  return nullptr;
}

std::string braced_argument_type(const CallWeave &w, unsigned i) {
  const FunctionDecl &callee = *w.call.callee;
  const auto *call = dyn_cast<CallExpr>(w.call.expr);
  if (!call || i >= call->getNumArgs() || i >= callee.getNumParams()) return "";
  const Expr *arg = call->getArg(i)->IgnoreImplicit();
  const auto *construct = dyn_cast<CXXConstructExpr>(arg);
  const bool braced = isa<InitListExpr>(arg) ||
                      (construct && construct->isListInitialization() && !isa<CXXTemporaryObjectExpr>(construct));
  if (!braced) return "";
  ASTContext &ctx = w.wc.ast;
  QualType type = callee.getParamDecl(i)->getType().getNonReferenceType().getUnqualifiedType();
  PrintingPolicy policy = ctx.getPrintingPolicy();
  policy.SuppressScope = false;
  std::string out;
  llvm::raw_string_ostream os(out);
  TypeName::getFullyQualifiedType(type, ctx, true).print(os, policy);
  return os.str();
}

std::optional<unsigned> argument_index(CallWeave &w, const std::string &ref, const char *advice) {
  const FunctionDecl &fd = *w.call.callee;
  std::optional<unsigned> index;
  if (!ref.empty() && std::all_of(ref.begin(), ref.end(), ::isdigit)) index = static_cast<unsigned>(std::stoul(ref));
  for (unsigned i = 0; !index && i < fd.getNumParams(); ++i)
    if (fd.getParamDecl(i)->getName() == ref) index = i;
  if (!index || *index >= w.syntax.arguments.size()) {
    w.notes.push_back(std::string(advice) + ": not woven: no argument '" + ref + "' written at this call");
    return std::nullopt;
  }
  return index;
}

}  // namespace orch
