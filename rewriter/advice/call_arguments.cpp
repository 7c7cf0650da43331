#include "advice/call_arguments.h"

#include <clang/AST/ExprCXX.h>

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
