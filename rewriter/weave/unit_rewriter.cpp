#include "weave/unit_rewriter.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Mangle.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>

#include <map>
#include <set>

#include "ast/function_facts.h"
#include "weave/span_weaver.h"

using namespace clang;

namespace orch {

size_t UnitRewrite::instrumented() const {
  size_t n = 0;
  for (const auto &f : functions) n += !f.aspect.empty();
  return n;
}

namespace {

// Walks the whole unit, template instantiations included: function
// definitions written in the main file become candidates; instantiations are
// remembered under their pattern (for the manifest's symbols).
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  FunctionCollector(ASTContext &ctx, std::string project_root)
      : ctx_(ctx), sm_(ctx.getSourceManager()), project_root_(std::move(project_root)) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *fd) {
    if (fd->getNameAsString() == "orch_attribute_value" && fd->getNumParams() == 1)
      custom_types.insert(
          fd->getParamDecl(0)->getType().getNonReferenceType().getCanonicalType().getUnqualifiedType().getTypePtr());
    if (!fd->doesThisDeclarationHaveABody()) return true;
    if (const FunctionDecl *pattern = fd->getTemplateInstantiationPattern()) {
      if (pattern != fd) instantiations[pattern->getCanonicalDecl()].push_back(fd);
      return true;
    }
    if (const auto *md = dyn_cast<CXXMethodDecl>(fd); md && md->getParent()->isLambda()) return true;
    add(*fd, nullptr);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *le) {
    const CXXMethodDecl *op = le->getCallOperator();
    if (op->getTemplateInstantiationPattern() && op->getTemplateInstantiationPattern() != op) return true;
    add(*op, le);
    return true;
  }

  std::vector<Candidate> candidates;
  std::map<const FunctionDecl *, std::vector<const FunctionDecl *>> instantiations;
  CustomValueTypes custom_types;

private:
  void add(const FunctionDecl &fd, const LambdaExpr *le) {
    SourceLocation loc = sm_.getExpansionLoc(le ? le->getBeginLoc() : fd.getLocation());
    if (!sm_.isInMainFile(loc) || !seen_.insert(&fd).second) return;
    candidates.push_back(describe_function(fd, le, ctx_, project_root_));
  }
  ASTContext &ctx_;
  const SourceManager &sm_;
  std::string project_root_;
  std::set<const FunctionDecl *> seen_;
};

void mangle_into(MangleContext &mc, GlobalDecl gd, std::vector<std::string> &out) {
  std::string name;
  llvm::raw_string_ostream os(name);
  mc.mangleName(gd, os);
  out.push_back(os.str());
}

// The linker symbols that hold the function's code.
std::vector<std::string> symbols_of(const FunctionDecl &fd, MangleContext &mc) {
  std::vector<std::string> out;
  if (fd.isDependentContext()) return out;
  if (!mc.shouldMangleDeclName(&fd)) {
    out.push_back(fd.getNameAsString());
  } else if (const auto *ctor = dyn_cast<CXXConstructorDecl>(&fd)) {
    mangle_into(mc, GlobalDecl(ctor, Ctor_Complete), out);
    mangle_into(mc, GlobalDecl(ctor, Ctor_Base), out);
  } else if (const auto *dtor = dyn_cast<CXXDestructorDecl>(&fd)) {
    mangle_into(mc, GlobalDecl(dtor, Dtor_Complete), out);
    mangle_into(mc, GlobalDecl(dtor, Dtor_Base), out);
  } else {
    mangle_into(mc, GlobalDecl(&fd), out);
  }
  return out;
}

std::string manifest_entry(const Candidate &c, const std::string &aspect, const std::vector<std::string> &symbols,
                           const std::string &source_path) {
  std::string json = "{\"function\":" + json_string(c.facts.qualified_name) + ",\"symbols\":[";
  for (size_t i = 0; i < symbols.size(); ++i) json += (i ? "," : "") + json_string(symbols[i]);
  json += "],\"file\":" + json_string(source_path) + ",\"line\":" + std::to_string(c.facts.line) +
          ",\"kind\":" + json_string(to_string(c.facts.kind)) + ",\"aspect\":" + json_string(aspect) + "}";
  return json;
}

// The top-level declaration that contains `loc` (the prelude goes before it).
SourceLocation top_level_begin(ASTContext &ctx, const Candidate &c) {
  const SourceManager &sm = ctx.getSourceManager();
  SourceLocation loc = sm.getExpansionLoc(c.body->getLBracLoc());
  for (const Decl *d : ctx.getTranslationUnitDecl()->decls()) {
    SourceRange r(sm.getExpansionLoc(d->getBeginLoc()), sm.getExpansionLoc(d->getEndLoc()));
    if (r.isValid() && !sm.isBeforeInTranslationUnit(loc, r.getBegin()) &&
        !sm.isBeforeInTranslationUnit(r.getEnd(), loc))
      return declaration_start(*d, ctx);
  }
  return loc;
}

std::string prelude(const RewriteSettings &s, const SourceManager &sm, SourceLocation at) {
  std::string out = sm.getExpansionColumnNumber(at) > 1 ? "\n" : "";
  out += "#define ORCH_RUNTIME_PATH " + c_string_literal(s.runtime_library) + "\n";
  if (!s.config->service.empty()) out += "#define ORCH_SERVICE_NAME " + c_string_literal(s.config->service) + "\n";
  out += "#include " + c_string_literal(s.weave_header) + "\n";
  out += "#line " + std::to_string(sm.getExpansionLineNumber(at)) + " " + c_string_literal(s.presumed_name) + "\n";
  return out;
}

std::string manifest_section(const std::vector<FunctionReport> &functions) {
  std::string lines;
  for (const auto &f : functions)
    if (!f.aspect.empty()) lines += f.manifest_json + "\n";
  return "\nORCH_W_MANIFEST(" + c_string_literal(lines) + ")\n";
}

}  // namespace

UnitRewrite rewrite_unit(ASTContext &ctx, const RewriteSettings &settings) {
  const Config &config = *settings.config;
  const SourceManager &sm = ctx.getSourceManager();
  FunctionCollector collector(ctx, config.root);
  collector.TraverseDecl(ctx.getTranslationUnitDecl());

  std::unique_ptr<MangleContext> mangler(ctx.createMangleContext());
  WeaveContext wc{ctx, collector.custom_types, settings.source_path};
  EditList edits;
  UnitRewrite result;
  std::optional<SourceLocation> prelude_at;
  unsigned index = 0;

  for (const Candidate &c : collector.candidates) {
    FunctionReport report;
    report.qualified_name = c.facts.qualified_name;
    report.kind = to_string(c.facts.kind);
    report.line = c.facts.line;
    if (!c.never_reason.empty()) {
      report.reasons.push_back("never instrumented: " + c.never_reason);
    } else if (c.facts.directive("orch:ignore")) {
      report.reasons.push_back("excluded by // orch:ignore");
    } else {
      for (const Aspect &aspect : config.aspects) {
        MatchResult m = evaluate(*aspect.join_point, c.facts);
        if (!m.matched) {
          report.reasons.push_back("aspect '" + aspect.id + "': " + m.reason);
          continue;
        }
        report.aspect = aspect.id;
        for (const Advice &advice : aspect.advice) {
          auto notes = weave_span(c, aspect, advice.span, wc, index++, edits);
          report.notes.insert(report.notes.end(), notes.begin(), notes.end());
        }
        std::vector<std::string> symbols = symbols_of(*c.decl, *mangler);
        for (const FunctionDecl *inst : collector.instantiations[c.decl->getCanonicalDecl()]) {
          auto more = symbols_of(*inst, *mangler);
          symbols.insert(symbols.end(), more.begin(), more.end());
        }
        report.manifest_json = manifest_entry(c, aspect.id, symbols, settings.source_path);
        SourceLocation at = top_level_begin(ctx, c);
        if (!prelude_at || sm.isBeforeInTranslationUnit(at, *prelude_at)) prelude_at = at;
        break;  // one aspect per function: the first that matches
      }
    }
    result.functions.push_back(std::move(report));
  }
  if (!prelude_at) return result;

  edits.insert(sm.getFileOffset(*prelude_at), prelude(settings, sm, *prelude_at));
  StringRef original = sm.getBufferData(sm.getMainFileID());
  edits.insert(original.size(), manifest_section(result.functions));
  result.text = "#line 1 " + c_string_literal(settings.presumed_name) + "\n" +
                edits.apply(std::string_view(original.data(), original.size()));
  return result;
}

}  // namespace orch
