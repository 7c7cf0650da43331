// `propagate-context: {arg: N}`: the callable passed as argument N (an index,
// the callee's parameter name, or `callable`: the first argument that is one)
// runs under the span that was current at the call, wherever and whenever it
// runs: `std::thread t(f, x)` -> `std::thread t(::orch::weave::with_context(f), x)`.
//
// `propagate-context: {arg: N, data: M}`, for C-style APIs that take a start
// routine `void *(*)(void *)` and its `void *` (pthread_create): the two are
// bundled with the context, the call keeps its own arguments when no bundle
// can be made (no current span, no memory):
//   pthread_create(t, a, s, d) -> __extension__ ({ P0 __orch_a0 = (t); ...;
//       void *__orch_b = orch_w_ctx_bundle(__orch_a2, __orch_a3); __orch_b
//       ? orch_w_ctx_created(pthread_create(__orch_a0, __orch_a1, orch_w_ctx_start, __orch_b), __orch_b)
//       : pthread_create(__orch_a0, __orch_a1, __orch_a2, __orch_a3); })
#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>

#include "advice/advice.h"
#include "advice/call_arguments.h"
#include "weave/weave_point.h"

using namespace clang;

namespace orch {
namespace {

bool is_callable(QualType t) {
  t = t.getNonReferenceType();
  if (t->isFunctionType() || t->isFunctionPointerType() || t->isMemberFunctionPointerType()) return true;
  const CXXRecordDecl *rd = t->getAsCXXRecordDecl();
  if (!rd || !rd->hasDefinition()) return false;
  if (rd->isLambda()) return true;
  bool has_call = false;
  for (const CXXMethodDecl *m : rd->methods()) has_call = has_call || m->getOverloadedOperator() == OO_Call;
  return has_call;
}

bool is_void_pointer(QualType t) { return t->isPointerType() && t->getPointeeType()->isVoidType(); }

// void *(*)(void *)
bool is_start_routine(QualType t) {
  const auto *fp = t->isFunctionPointerType() ? t->getPointeeType()->getAs<FunctionProtoType>() : nullptr;
  return fp && fp->getNumParams() == 1 && is_void_pointer(fp->getParamType(0)) && is_void_pointer(fp->getReturnType());
}

class PropagateContext final : public Advice {
public:
  PropagateContext(SourceMark mark, std::string arg, std::optional<std::string> data)
      : Advice(std::move(mark)), arg_(std::move(arg)), data_(std::move(data)) {}
  const char *key() const override { return "propagate-context"; }
  ShadowKinds shadows() const override { return kCallShadows; }

  void weave_call(CallWeave &w) const override {
    if (data_) return weave_start_routine(w);
    if (!w.wc.ast.getLangOpts().CPlusPlus11)
      return note(w, "a callable is wrapped in C++11 and later; for C start routines give 'data:'");
    std::optional<unsigned> i = arg_ == "callable" ? first_callable(w) : argument_index(w, arg_, key());
    if (!i) return;
    const Expr *arg = written_argument(*w.call.expr, *i);
    if (isa<InitListExpr>(arg->IgnoreImplicit()))
      return note(w, "argument " + std::to_string(*i) + " is a braced list, not a callable");
    if (!is_callable(arg->getType())) return note(w, "argument " + std::to_string(*i) + " is not a callable");
    if (const ParmVarDecl *p = parameter(w, *i); p && p->getType()->isFunctionPointerType())
      return note(w, "the parameter is a function pointer, which cannot carry a context (give 'data:' for C-style callbacks)");
    auto [begin, end] = w.syntax.arguments[*i];
    w.edits.insert(begin, "::orch::weave::with_context(");
    w.edits.insert(end, ")");
    w.woven = true;
  }

private:
  static void note(CallWeave &w, const std::string &why) { w.notes.push_back("propagate-context: not woven: " + why); }

  static const ParmVarDecl *parameter(const CallWeave &w, unsigned i) {
    const FunctionDecl &fd = *w.call.callee;
    return i < fd.getNumParams() ? fd.getParamDecl(i) : nullptr;
  }

  std::optional<unsigned> first_callable(CallWeave &w) const {
    for (unsigned i = 0; i < w.syntax.arguments.size(); ++i)
      if (is_callable(written_argument(*w.call.expr, i)->getType())) return i;
    note(w, "no argument is a callable");
    return std::nullopt;
  }

  void weave_start_routine(CallWeave &w) const {
    const CallSyntax &s = w.syntax;
    if (s.shape != CallSyntax::Shape::Free) return note(w, "'data:' applies to calls of functions");
    if (w.whole_call_taken) return note(w, "another advice already rewrote the whole call");
    std::optional<unsigned> start = argument_index(w, arg_, key()), data = argument_index(w, *data_, key());
    if (!start || !data) return;
    const auto *proto = w.call.callee->getType()->getAs<FunctionProtoType>();
    if (!proto || proto->isVariadic() || s.arguments.size() != proto->getNumParams())
      return note(w, "the callee needs a prototype and every argument written");
    if (!is_start_routine(proto->getParamType(*start)) || !is_void_pointer(proto->getParamType(*data)))
      return note(w, "argument " + arg_ + " must be a 'void *(*)(void *)' and argument " + *data_ + " a 'void *'");
    ASTContext &ctx = w.wc.ast;
    StringRef text = ctx.getSourceManager().getBufferData(ctx.getSourceManager().translateFile(s.file));
    auto name = [](unsigned i) { return "__orch_a" + std::to_string(i); };
    auto declaration = [&](unsigned i) {
      std::string out;
      llvm::raw_string_ostream os(out);
      proto->getParamType(i).print(os, ctx.getPrintingPolicy(), name(i));
      return os.str() + " = (";
    };
    // Replaces [from, to) keeping its line breaks, so that no line moves.
    auto replace = [&](size_t from, size_t to, const std::string &with) {
      StringRef gone = text.substr(from, to - from);
      w.edits.replace(from, to - from, with + std::string(gone.count('\n'), '\n'));
    };
    std::string plain, bundled;
    for (unsigned i = 0; i < s.arguments.size(); ++i) {
      plain += (i ? ", " : "") + name(i);
      bundled += std::string(i ? ", " : "") + (i == *start ? "orch_w_ctx_start" : i == *data ? "__orch_b" : name(i));
    }
    std::string callee = w.callee_text.empty() ? text.substr(s.callee_begin, s.callee_end - s.callee_begin).str() : w.callee_text;
    if (s.arguments.empty()) return;
    replace(s.begin, s.arguments[0].first, "__extension__ ({ " + declaration(0));
    for (unsigned i = 0; i + 1 < s.arguments.size(); ++i)
      replace(s.arguments[i].second, s.arguments[i + 1].first, "); " + declaration(i + 1));
    replace(s.arguments.back().second, s.close_paren + 1,
            "); void *__orch_b = orch_w_ctx_bundle(" + name(*start) + ", " + name(*data) + "); __orch_b ? orch_w_ctx_created(" +
                callee + "(" + bundled + "), __orch_b) : " + callee + "(" + plain + "); })");
    w.callee_text.clear();
    w.whole_call_taken = true;
    w.woven = true;
  }

  std::string arg_;
  std::optional<std::string> data_;
};

}  // namespace

AdvicePtr parse_propagate_context(const YamlReader &r, const YAML::Node &value, SourceMark mark) {
  r.expect_keys(value, {"arg", "data"}, "propagate-context");
  if (!value["arg"]) r.fail(value, "propagate-context needs 'arg': the callable's index or parameter name, or 'callable'");
  std::string arg = r.scalar(value["arg"], "arg");
  std::optional<std::string> data;
  if (auto n = value["data"]) data = r.scalar(n, "data");
  if (data && arg == "callable") r.fail(value["arg"], "with 'data:', 'arg' names the start routine's argument");
  return std::make_unique<PropagateContext>(std::move(mark), std::move(arg), std::move(data));
}

}  // namespace orch
