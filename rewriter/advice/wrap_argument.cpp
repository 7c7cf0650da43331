// `wrap-argument: {arg: N, with: F, pass: [M, ...], header: H}`: argument N of
// the call becomes `F(<argument M as written>..., <argument N>)`, F being a
// function (template) of the header H (relative to orch's include directory),
// which the unit then includes. Arguments passed along must be string
// literals (copied, so evaluated twice: a literal has no side effects); any
// other is passed as `nullptr`, with a note. How the built-in integrations
// wrap a handler a library will call (cpp-httplib's Server::Get...).
//   svr.Get("/items", h) -> svr.Get("/items", ::orch::integrations::cpp_httplib::get("/items", h))
#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>

#include "advice/advice.h"
#include "advice/call_arguments.h"
#include "weave/weave_point.h"

using namespace clang;

namespace orch {
namespace {

class WrapArgument final : public Advice {
public:
  WrapArgument(SourceMark mark, std::string arg, std::string with, std::vector<std::string> pass, std::string header)
      : Advice(std::move(mark)), arg_(std::move(arg)), with_(std::move(with)), pass_(std::move(pass)),
        header_(std::move(header)) {}
  const char *key() const override { return "wrap-argument"; }
  ShadowKinds shadows() const override { return kCallShadows; }

  void weave_call(CallWeave &w) const override {
    if (!w.wc.ast.getLangOpts().CPlusPlus17) return note(w, "C++17 and later only");
    std::optional<unsigned> i = argument_index(w, arg_, key());
    if (!i) return;
    std::string passed;
    for (const std::string &ref : pass_) {
      std::optional<unsigned> j = argument_index(w, ref, key());
      if (!j) return;
      passed += literal_text(w, *j) + ", ";
    }
    auto [begin, end] = w.syntax.arguments[*i];
    w.edits.insert(begin, "::" + with_ + "(" + passed);
    w.edits.insert(end, ")");
    w.headers.insert(header_);
    w.woven = true;
  }

private:
  void note(CallWeave &w, const std::string &why) const { w.notes.push_back(std::string(key()) + ": not woven: " + why); }

  // The text of argument j if it is a string literal, else "nullptr".
  std::string literal_text(CallWeave &w, unsigned j) const {
    const Expr *arg = written_argument(*w.call.expr, j);
    if (arg && isa<StringLiteral>(arg->IgnoreParenImpCasts())) {
      const SourceManager &sm = w.wc.ast.getSourceManager();
      auto [begin, end] = w.syntax.arguments[j];
      return sm.getBufferData(sm.translateFile(w.syntax.file)).substr(begin, end - begin).str();
    }
    note(w, "argument " + std::to_string(j) + " is not a string literal: passed as nullptr");
    return "nullptr";
  }

  std::string arg_, with_;
  std::vector<std::string> pass_;
  std::string header_;
};

}  // namespace

AdvicePtr parse_wrap_argument(const YamlReader &r, const YAML::Node &value, SourceMark mark) {
  r.expect_keys(value, {"arg", "with", "pass", "header"}, "wrap-argument");
  for (const char *required : {"arg", "with", "header"})
    if (!value[required]) r.fail(value, std::string("wrap-argument needs '") + required + "'");
  std::string with = r.scalar(value["with"], "with");
  if (with.rfind("::", 0) == 0) with = with.substr(2);
  std::vector<std::string> pass;
  if (auto n = value["pass"])
    for (const YAML::Node &p : YamlReader::one_or_list(n)) pass.push_back(r.scalar(p, "pass"));
  std::string header = parse_integration_header(r, value["header"]);
  return std::make_unique<WrapArgument>(std::move(mark), r.scalar(value["arg"], "arg"), std::move(with), std::move(pass),
                                        std::move(header));
}

}  // namespace orch
