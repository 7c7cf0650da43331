// `replace-function: NAME`: the call goes to NAME, with the same arguments
// (a team's own typed wrapper). NAME must be declared before the call and
// take the arguments; otherwise the rewrite stops with an error at the call.
// `replace-function: {name: NAME, header: H}`: NAME is declared by H, a header
// under orch's include directory that the unit then includes (a built-in
// integration's wrapper), so it is not looked up in the unit. Such a NAME
// also takes member calls, the object first: `obj.m(a)` becomes
// `::NAME(obj, a)`, `p->m(a)` becomes `::NAME(*p, a)`.
#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>

#include "advice/advice.h"
#include "advice/call_arguments.h"
#include "ast/call_sites.h"
#include "weave/weave_point.h"

using namespace clang;

namespace orch {
namespace {

// Functions and function templates of the unit named `name` (qualified, no leading ::).
std::vector<const FunctionDecl *> declarations_named(ASTContext &ctx, const std::string &name) {
  std::vector<const FunctionDecl *> out;
  std::vector<const DeclContext *> pending = {ctx.getTranslationUnitDecl()};
  while (!pending.empty()) {
    const DeclContext *dc = pending.back();
    pending.pop_back();
    for (const Decl *d : dc->decls()) {
      if (const auto *ns = dyn_cast<NamespaceDecl>(d)) pending.push_back(ns);
      else if (const auto *ls = dyn_cast<LinkageSpecDecl>(d)) pending.push_back(ls);
      const FunctionDecl *fd = dyn_cast<FunctionDecl>(d);
      if (const auto *tmpl = dyn_cast<FunctionTemplateDecl>(d)) fd = tmpl->getTemplatedDecl();
      if (fd && fd->getQualifiedNameAsString() == name) out.push_back(fd);
    }
  }
  return out;
}

QualType comparable(QualType t, ASTContext &ctx) {
  return ctx.getCanonicalType(t.getNonReferenceType()).getUnqualifiedType();
}

// "" when `target` can take the call's arguments as the callee did, else why not.
std::string why_not_callable(const FunctionDecl &target, const FunctionDecl &callee, unsigned written, ASTContext &ctx) {
  if (written < target.getMinRequiredArguments() || (written > target.getNumParams() && !target.isVariadic()))
    return "it takes " + std::to_string(target.getMinRequiredArguments()) + " to " +
           std::to_string(target.getNumParams()) + " arguments, the call has " + std::to_string(written);
  if (target.getDescribedFunctionTemplate()) return "";
  for (unsigned i = 0; i < written && i < target.getNumParams() && i < callee.getNumParams(); ++i) {
    QualType want = target.getParamDecl(i)->getType(), have = callee.getParamDecl(i)->getType();
    if (comparable(want, ctx) != comparable(have, ctx))
      return "its parameter " + std::to_string(i + 1) + " is '" + want.getAsString() + "', the callee's is '" +
             have.getAsString() + "'";
  }
  return "";
}

// The object of a member call is read without effects: a variable, `this`,
// their members, or a smart pointer's `->` or `*` on one of them. (Then the
// arguments may be evaluated before it without changing the program.)
bool names_an_object(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (isa<DeclRefExpr>(e) || isa<CXXThisExpr>(e)) return true;
  if (const auto *m = dyn_cast<MemberExpr>(e)) return names_an_object(m->getBase());
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(e))
    return (op->getOperator() == OO_Arrow || op->getOperator() == OO_Star) && op->getNumArgs() == 1 &&
           names_an_object(op->getArg(0));
  if (const auto *u = dyn_cast<UnaryOperator>(e)) return u->getOpcode() == UO_Deref && names_an_object(u->getSubExpr());
  return false;
}

class ReplaceFunction final : public Advice {
public:
  ReplaceFunction(SourceMark mark, std::string name, std::string header)
      : Advice(std::move(mark)), name_(std::move(name)), header_(std::move(header)) {}
  const char *key() const override { return "replace-function"; }
  ShadowKinds shadows() const override { return kCallShadows; }
  bool redirects_call() const override { return true; }
  std::string leaves_alone(const CallCandidate &call) const override {
    if (call.caller && call.caller->facts.qualified_name == name_)
      return "the call is in the replacement '" + name_ + "' itself";
    return "";
  }

  void weave_call(CallWeave &w) const override {
    ASTContext &ctx = w.wc.ast;
    const SourceManager &sm = ctx.getSourceManager();
    std::string at = w.call.path + ":" + std::to_string(w.syntax.line) + ":" + std::to_string(w.syntax.column);
    auto error = [&](const std::string &what) {
      w.errors.push_back(at + ": error: replace-function '" + name_ + "' of aspect '" + w.aspect.id + "' (" +
                         mark().str() + "): " + what);
    };
    const auto *method = dyn_cast<CXXMethodDecl>(w.call.callee);
    if (!header_.empty() && (w.syntax.shape != CallSyntax::Shape::Free || method)) return weave_member(w);
    if (w.syntax.shape != CallSyntax::Shape::Free || method)
      return error("only calls of functions can be replaced, not member or constructor calls");
    if (!header_.empty()) {
      w.callee_text = (ctx.getLangOpts().CPlusPlus ? "::" : "") + name_;
      w.headers.insert(header_);
      w.woven = true;
      return;
    }
    std::string last_reason = "no function of that name is declared in this unit";
    for (const FunctionDecl *fd : declarations_named(ctx, name_)) {
      if (!sm.isBeforeInTranslationUnit(fd->getLocation(), w.call.expr->getBeginLoc())) {
        last_reason = "it is declared only after the call";
        continue;
      }
      std::string why = why_not_callable(*fd, *w.call.callee, static_cast<unsigned>(w.syntax.arguments.size()), ctx);
      if (why.empty()) {
        w.callee_text = (ctx.getLangOpts().CPlusPlus ? "::" : "") + name_;
        w.woven = true;
        return;
      }
      last_reason = "it cannot take the arguments: " + why;
    }
    error(last_reason);
  }

private:
  // An integration's wrapper takes member calls, the object first: `obj.m(a)`,
  // `p->m(a)`, and `m(a)` in a member of a derived class (the object is
  // *this). A call it cannot take is left alone: an integration must never
  // stop a build.
  void weave_member(CallWeave &w) const {
    const CallSyntax &s = w.syntax;
    const auto *method = dyn_cast<CXXMethodDecl>(w.call.callee);
    if (s.shape == CallSyntax::Shape::Constructor || !method || method->isStatic())
      return w.notes.push_back("replace-function: only calls of functions and of non-static methods are replaced");
    const auto &call = *cast<CallExpr>(w.call.expr);
    const auto *member = dyn_cast<MemberExpr>(call.getCallee()->IgnoreImpCasts());
    const bool implicit_this = s.shape == CallSyntax::Shape::Free;
    if (!implicit_this) {
      if (s.member_text.find('<') != std::string::npos)
        return w.notes.push_back("replace-function: a member call with explicit template arguments is left alone");
      bool arguments_have_effects = false;
      for (const Expr *arg : call.arguments()) arguments_have_effects |= arg->HasSideEffects(w.wc.ast);
      if (!member || (!names_an_object(member->getBase()) && arguments_have_effects))
        return w.notes.push_back(
            "replace-function: the object and the arguments both have side effects; their order would not be kept");
    }
    for (unsigned i = 0; i < s.arguments.size(); ++i)
      if (std::string type = braced_argument_type(w, i); !type.empty()) w.edits.insert(s.arguments[i].first, type);
    const std::string more = s.arguments.empty() ? "" : ", ";
    if (implicit_this) {
      w.edits.replace(s.callee_begin, s.open_paren + 1 - s.callee_begin, "::" + name_ + "(*this" + more);
    } else {
      w.edits.insert(s.begin, "::" + name_ + "(" + (member->isArrow() ? "*" : ""));
      w.edits.replace(s.object_end, s.open_paren + 1 - s.object_end, more);
    }
    woven_with_header(w);
  }

  void woven_with_header(CallWeave &w) const {
    w.headers.insert(header_);
    w.whole_call_taken = true;
    w.woven = true;
  }

  std::string name_;
  std::string header_;  // declares name_; empty: the unit does
};

}  // namespace

AdvicePtr parse_replace_function(const YamlReader &r, const YAML::Node &value, SourceMark mark) {
  std::string name, header;
  if (value.IsMap()) {
    r.expect_keys(value, {"name", "header"}, "replace-function");
    if (!value["name"] || !value["header"]) r.fail(value, "replace-function takes a name, or {name, header}");
    name = r.scalar(value["name"], "name");
    header = parse_integration_header(r, value["header"]);
  } else {
    name = r.scalar(value, "replace-function");
  }
  if (name.rfind("::", 0) == 0) name = name.substr(2);
  if (name.empty() || name.find_first_of(" \t()<>") != std::string::npos)
    r.fail(value, "replace-function takes the qualified name of a function");
  return std::make_unique<ReplaceFunction>(std::move(mark), std::move(name), std::move(header));
}

}  // namespace orch
