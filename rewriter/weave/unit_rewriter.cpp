#include "weave/unit_rewriter.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/Mangle.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "advice/advice.h"
#include "ast/call_sites.h"
#include "ast/function_facts.h"
#include "ast/project_files.h"
#include "manifest/manifest_entry.h"
#include "match/join_point.h"
#include "weave/call_syntax.h"
#include "weave/include_redirect.h"
#include "weave/weave_point.h"

using namespace clang;

namespace orch {

size_t UnitRewrite::instrumented() const {
  size_t n = 0;
  for (const auto &f : functions) n += !f.aspect.empty();
  return n;
}

size_t UnitRewrite::instrumented_calls() const {
  size_t n = 0;
  for (const auto &c : calls) n += !c.aspect.empty();
  return n;
}

namespace {

const FileEntry *file_at(const SourceManager &sm, SourceLocation loc) {
  OptionalFileEntryRef f = sm.getFileEntryRefForID(sm.getFileID(sm.getExpansionLoc(loc)));
  return f ? &f->getFileEntry() : nullptr;
}

// Walks the whole unit, template instantiations included: function
// definitions written in project files become candidates; instantiations are
// remembered under their pattern (for the manifest's symbols).
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  FunctionCollector(ASTContext &ctx, const ProjectFiles &project, std::string project_root)
      : ctx_(ctx), sm_(ctx.getSourceManager()), project_(project), project_root_(std::move(project_root)) {}

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
    const FileEntry *file = file_at(sm_, le ? le->getBeginLoc() : fd.getLocation());
    if (!file || !project_.contains(file) || !seen_.insert(&fd).second) return;
    candidates.push_back(describe_function(fd, le, ctx_, project_root_));
  }
  ASTContext &ctx_;
  const SourceManager &sm_;
  const ProjectFiles &project_;
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

// What the aspect's advice records at the site.
void note_records(ManifestEntry &e, const Aspect &aspect) {
  e.spans = std::any_of(aspect.advice.begin(), aspect.advice.end(), [](const auto &a) { return a->records_spans(); });
  e.metrics = std::any_of(aspect.advice.begin(), aspect.advice.end(), [](const auto &a) { return a->counts_calls(); });
}

std::string manifest_entry(const Candidate &c, const Aspect &aspect, std::vector<std::string> symbols) {
  ManifestEntry e;
  e.function = c.facts.qualified_name;
  e.symbols = std::move(symbols);
  e.file = c.path;
  e.line = c.facts.line;
  e.kind = to_string(c.facts.kind);
  e.aspect = aspect.id;
  note_records(e, aspect);
  return e.to_json();
}

std::string manifest_entry(const CallCandidate &c, const CallSyntax &s, const Aspect &aspect,
                           std::vector<std::string> symbols) {
  ManifestEntry e;
  e.is_call = true;
  e.function = c.facts.callee.qualified_name;
  e.symbols = std::move(symbols);
  e.caller = c.caller ? c.caller->facts.qualified_name : "";
  e.file = c.path;
  e.line = s.line;
  e.column = s.column;
  e.kind = "call";
  e.aspect = aspect.id;
  note_records(e, aspect);
  return e.to_json();
}

// The file-scope declaration holding a node: up the parents to a declaration,
// then up its lexical contexts.
const Decl &top_level_decl(const Decl *d) {
  for (const DeclContext *dc = d->getLexicalDeclContext(); dc && !dc->isTranslationUnit();
       dc = d->getLexicalDeclContext())
    d = Decl::castFromDeclContext(dc);
  if (const auto *fd = dyn_cast<FunctionDecl>(d); fd && fd->getDescribedFunctionTemplate())
    return *fd->getDescribedFunctionTemplate();
  if (const auto *rd = dyn_cast<CXXRecordDecl>(d); rd && rd->getDescribedClassTemplate())
    return *rd->getDescribedClassTemplate();
  return *d;
}

template <class Node> const Decl *holding_decl(const Node &node, ASTContext &ctx) {
  DynTypedNodeList parents = ctx.getParents(node);
  while (!parents.empty()) {
    if (const Decl *holder = parents[0].get<Decl>()) return holder;
    parents = ctx.getParents(parents[0]);
  }
  return nullptr;
}

// The declaration at file scope that holds the candidate (the prelude goes
// before it); a lambda is held by the declaration its expression sits in.
const Decl &top_level_decl(const Candidate &c, ASTContext &ctx) {
  const Decl *d = c.decl;
  if (c.lambda)
    if (const Decl *holder = holding_decl(*c.lambda, ctx)) d = holder;
  return top_level_decl(d);
}

// The prelude, the weave header's #include (or the one integration header the
// file's advice needs, which includes it), goes before the declaration at
// `at`. On the empty line just above it when there is one, so that no line
// moves: GCC prints a diagnostic's source line by reading the file its
// location names at the presumed line. Otherwise (or for several headers) on
// lines of its own, then #line. (The launcher defines ORCH_RUNTIME_PATH and
// ORCH_SERVICE_NAME on the command line.)
struct Prelude {
  size_t offset;
  std::string text;
};
Prelude prelude(const RewriteSettings &s, const SourceManager &sm, SourceLocation at, const std::string &name,
                const std::set<std::string> &headers) {
  const std::string include_dir = s.weave_header.substr(0, s.weave_header.rfind('/') + 1);
  std::vector<std::string> includes;
  if (headers.size() != 1) includes.push_back("#include " + c_string_literal(s.weave_header));
  for (const std::string &h : headers) includes.push_back("#include " + c_string_literal(include_dir + h));
  const size_t offset = sm.getFileOffset(at);
  const StringRef text = sm.getBufferData(sm.getFileID(at));
  if (includes.size() == 1 && sm.getExpansionColumnNumber(at) == 1 && offset > 0) {
    const size_t blank_start = text.rfind('\n', offset - 1) + 1;  // before offset - 1; npos + 1 == 0
    const StringRef blank = text.slice(blank_start, offset - 1);
    const StringRef before = text.slice(0, blank_start).rtrim("\r\n");
    if (blank.find_first_not_of(" \t\r\f\v") == StringRef::npos && !before.ends_with("\\"))
      return {blank_start, includes.front()};
  }
  std::string out = sm.getExpansionColumnNumber(at) > 1 ? "\n" : "";
  for (const std::string &include : includes) out += include + "\n";
  out += "#line " + std::to_string(sm.getExpansionLineNumber(at)) + " " + c_string_literal(name) + "\n";
  return {offset, out};
}

// What follows the main file's text: the unit's manifest, then a forward declaration whose
// `;` is at the line and column of the main file's last token, `last` (its line, and its
// column in the woven line, which the launcher maps back). GCC places the unit's
// static initializers at the unit's last token, so their diagnostics (a frame size, variable
// tracking) point where the plain build's do. Without `last` (the unit ends in a header) the
// manifest comes last.
std::string end_of_unit(const UnitRewrite &unit, std::optional<std::pair<unsigned, unsigned>> last,
                        const std::string &name) {
  std::string lines;
  for (const auto &f : unit.functions)
    if (!f.aspect.empty()) lines += f.manifest_json + "\n";
  for (const auto &c : unit.calls)
    if (!c.aspect.empty()) lines += c.manifest_json + "\n";
  std::string out = "\nORCH_W_MANIFEST(" + c_string_literal(lines) + ")\n";
  if (!last) return out;
  out += "struct orch_w_end_of_unit\n#line " + std::to_string(last->first) + " " + c_string_literal(name) + "\n";
  return out + std::string(last->second - 1, ' ') + ";\n";
}

// The main file's last token, where its last top-level declaration ends; invalid when the
// unit's last declaration is in a header.
SourceLocation last_main_token(ASTContext &ctx) {
  const SourceManager &sm = ctx.getSourceManager();
  SourceLocation last;
  for (const Decl *d : ctx.getTranslationUnitDecl()->decls())
    if (!d->isImplicit() && d->getEndLoc().isValid()) last = sm.getExpansionLoc(d->getEndLoc());
  return last.isValid() && sm.isWrittenInMainFile(last) ? last : SourceLocation();
}

bool may_match_calls(const Config &config) {
  for (const Aspect &a : config.aspects)
    if (a.join_point->shadows() & kCallShadows) return true;
  return false;
}

// A function an aspect matched, before the header checks.
struct Match {
  const Candidate *candidate;
  const Aspect *aspect;
  FunctionReport *report;
  const FileEntry *file;
  SourceLocation top_level;  // where its file-scope declaration starts
};

// A call an aspect matched, before the header checks.
struct CallMatch {
  const CallCandidate *call;
  const Aspect *aspect;
  CallReport *report;
  CallSyntax syntax;
  SourceLocation top_level;
};

class UnitRewriter {
public:
  UnitRewriter(ASTContext &ctx, const IncludeGraph &includes, const RewriteSettings &settings)
      : ctx_(ctx), sm_(ctx.getSourceManager()), includes_(includes), settings_(settings),
        main_(sm_.getFileEntryForID(sm_.getMainFileID())), project_(includes, *settings.config, main_),
        collector_(ctx, project_, settings.config->root), mangler_(ctx.createMangleContext()) {}

  UnitRewrite run() {
    collector_.TraverseDecl(ctx_.getTranslationUnitDecl());
    result_.functions.reserve(collector_.candidates.size());
    std::vector<Match> matches = match_all();
    std::vector<CallMatch> call_matches;
    if (may_match_calls(*settings_.config)) {
      std::map<const FunctionDecl *, const Candidate *> callers;
      for (const Candidate &c : collector_.candidates) callers[c.decl] = &c;
      calls_ = collect_calls(ctx_, project_, callers, settings_.config->root);
      result_.calls.reserve(calls_.size());
      call_matches = match_calls();
    }
    RedirectPlan plan = plan_headers(matches, call_matches);
    for (const Match &m : matches)
      if (m.file == main_ || plan.copied.count(m.file)) weave(m);
    for (const CallMatch &m : call_matches)
      if (m.syntax.file == main_ || plan.copied.count(m.syntax.file)) weave(m);
    if (!result_.instrumented() && !result_.instrumented_calls()) return std::move(result_);

    redirect_includes(includes_, main_, plan, [&](const FileEntry *f) { return copy_path(f); }, edits_);
    for (const auto &[file, at] : prelude_at_) {
      Prelude p = prelude(settings_, sm_, at, line_name(file), headers_[file]);
      edits_[file].insert(p.offset, std::move(p.text));
    }
    for (const auto &[at, text] : definitions_) edits_[file_at(sm_, at)].insert(sm_.getFileOffset(at), text);
    const std::string woven = rewritten_text(main_);
    const std::string end = end_of_unit(result_, woven_position(last_main_token(ctx_), woven), line_name(main_));
    edits_[main_].insert(sm_.getBufferData(sm_.getMainFileID()).size(), end);
    for (const FileEntry *file : plan.copied)
      result_.headers.push_back({project_.entered(file).path, name_of(file), copy_path(file), rewritten_text(file)});
    std::sort(result_.headers.begin(), result_.headers.end(),
              [](const HeaderCopy &a, const HeaderCopy &b) { return a.copy < b.copy; });
    result_.text = woven + end;
    result_.line_edits = line_edits();
    return std::move(result_);
  }

private:
  std::vector<Match> match_all() {
    std::map<std::pair<const FileEntry *, unsigned>, int> bodies;  // a header entered twice may define a body twice
    for (const Candidate &c : collector_.candidates)
      if (c.body) ++bodies[{file_at(sm_, c.body->getLBracLoc()), sm_.getFileOffset(c.body->getLBracLoc())}];
    std::vector<Match> matches;
    for (const Candidate &c : collector_.candidates) {
      FunctionReport &report = result_.functions.emplace_back();
      report.file = name_of(file_at(sm_, c.body ? c.body->getLBracLoc() : c.decl->getLocation()));
      report.qualified_name = c.facts.qualified_name;
      report.kind = to_string(c.facts.kind);
      report.line = c.facts.line;
      report.trivial = c.facts.statements <= 1 && !c.facts.calls;
      if (!c.never_reason.empty()) {
        report.reasons.push_back("never instrumented: " + c.never_reason);
        continue;
      }
      if (c.facts.directive("orch:ignore")) {
        report.reasons.push_back("excluded by // orch:ignore");
        continue;
      }
      const Aspect *aspect = first_match(Shadow::body(c.facts), report.reasons);
      if (!aspect) continue;
      Match m{&c, aspect, &report, file_at(sm_, c.body->getLBracLoc()),
              declaration_start(top_level_decl(c, ctx_), ctx_)};
      if (std::string why = why_not_here(m.file, bodies[{m.file, sm_.getFileOffset(c.body->getLBracLoc())}], m.top_level);
          !why.empty())
        report.reasons.push_back(matched_but(*aspect, why));
      else
        matches.push_back(m);
    }
    return matches;
  }

  std::vector<CallMatch> match_calls() {
    std::vector<std::pair<const CallCandidate *, CallSyntax>> found;
    std::map<std::pair<const FileEntry *, size_t>, int> seen;  // a header entered twice may hold a call twice
    std::vector<CallMatch> matches;
    for (const CallCandidate &c : calls_) {
      CallReport &report = result_.calls.emplace_back();
      report.file = name_of(file_at(sm_, c.expr->getBeginLoc()));
      report.line = c.facts.callee.line;
      report.column = c.facts.column;
      report.caller = c.caller ? c.caller->facts.qualified_name : "";
      report.callee = c.callee ? c.facts.callee.qualified_name : "(unknown)";
      if (!c.never_reason.empty()) {
        report.reasons.push_back("never instrumented: " + c.never_reason);
        continue;
      }
      const Aspect *aspect = first_match(Shadow::call_in(c.caller ? &c.caller->facts : nullptr, c.facts), report.reasons);
      if (!aspect) continue;
      std::string why;
      std::optional<CallSyntax> syntax = call_syntax(c, ctx_, why);
      if (!syntax) {
        report.reasons.push_back(matched_but(*aspect, why));
        continue;
      }
      const Decl *holder = c.caller ? &top_level_decl(*c.caller, ctx_) : holding_decl(*c.expr, ctx_);
      SourceLocation top = holder ? declaration_start(top_level_decl(holder), ctx_) : SourceLocation();
      ++seen[{syntax->file, syntax->begin}];
      matches.push_back({&c, aspect, &report, std::move(*syntax), top});
    }
    std::vector<CallMatch> kept;
    for (CallMatch &m : matches) {
      std::string why = m.top_level.isInvalid() ? "the declaration holding it was not found"
                                                : why_not_here(m.syntax.file, seen[{m.syntax.file, m.syntax.begin}], m.top_level);
      if (why.empty()) kept.push_back(std::move(m));
      else m.report->reasons.push_back(matched_but(*m.aspect, why));
    }
    return kept;
  }

  // "" when a match in `file` can be woven where its declaration starts (`top_level`).
  std::string why_not_here(const FileEntry *file, int times_in_unit, SourceLocation top_level) const {
    if (times_in_unit > 1) return "its file is included more than once and defines it each time";
    if (file_at(sm_, top_level) != file)
      return "its file is included inside a declaration of " + name_of(file_at(sm_, top_level));
    return "";
  }

  // The first aspect matching the shadow; the others' reasons, except those
  // whose join point cannot match this kind of shadow at all (a call aspect
  // says nothing about a function body: with built-in integrations listed, that
  // would be a line per aspect for every function).
  const Aspect *first_match(const Shadow &shadow, std::vector<std::string> &reasons) const {
    const size_t before = reasons.size();
    for (const Aspect &aspect : settings_.config->aspects) {
      if (!(aspect.join_point->shadows() & static_cast<unsigned>(shadow.kind))) continue;
      MatchResult m = evaluate(*aspect.join_point, shadow);
      if (m.matched) return &aspect;
      reasons.push_back("aspect '" + aspect.id + "': " + m.reason);
    }
    if (reasons.size() == before)
      reasons.push_back("no aspect's join point matches " + describe(static_cast<ShadowKinds>(shadow.kind)));
    return nullptr;
  }

  static std::string matched_but(const Aspect &aspect, const std::string &why) {
    return "aspect '" + aspect.id + "' matches, but not instrumented: " + why;
  }

  // Which headers become copies; what is matched in the others gets the reason.
  RedirectPlan plan_headers(std::vector<Match> &matches, std::vector<CallMatch> &call_matches) {
    std::set<const FileEntry *> wanted;
    for (const Match &m : matches)
      if (m.file != main_) wanted.insert(m.file);
    for (const CallMatch &m : call_matches)
      if (m.syntax.file != main_) wanted.insert(m.syntax.file);
    RedirectPlan plan = plan_redirects(includes_, main_, wanted,
                                       [&](const FileEntry *f) { return project_.why_not(f); });
    auto refuse = [&](const FileEntry *file, const Aspect &aspect, std::vector<std::string> &reasons) {
      if (auto it = plan.refused.find(file); it != plan.refused.end())
        reasons.push_back(matched_but(aspect, name_of(file) + " cannot be rewritten: " + it->second));
    };
    for (const Match &m : matches) refuse(m.file, *m.aspect, m.report->reasons);
    for (const CallMatch &m : call_matches) refuse(m.syntax.file, *m.aspect, m.report->reasons);
    return plan;
  }

  void weave(const Match &m) {
    const Candidate &c = *m.candidate;
    FunctionReport &report = *m.report;
    report.aspect = m.aspect->id;
    WeaveContext wc{ctx_, collector_.custom_types, settings_.elides_named_return_in_try,
                    settings_.warns_unused_parameters};
    unsigned ordinal = 0;
    for (const auto &advice : m.aspect->advice) {
      BodyWeave w{c, *m.aspect, wc, ordinal++, edits_[m.file], report.notes};
      advice->weave_body(w);
    }
    std::vector<std::string> symbols = symbols_of(*c.decl, *mangler_);
    for (const FunctionDecl *inst : collector_.instantiations[c.decl->getCanonicalDecl()]) {
      auto more = symbols_of(*inst, *mangler_);
      symbols.insert(symbols.end(), more.begin(), more.end());
    }
    report.manifest_json = manifest_entry(c, *m.aspect, std::move(symbols));
    note_prelude(m.file, m.top_level);
  }

  void weave(const CallMatch &m) {
    CallReport &report = *m.report;
    for (const auto &advice : m.aspect->advice) {
      std::string why = advice->leaves_alone(*m.call);
      if (!why.empty()) return report.reasons.push_back(matched_but(*m.aspect, why));
    }
    WeaveContext wc{ctx_, collector_.custom_types, settings_.elides_named_return_in_try,
                    settings_.warns_unused_parameters};
    EditList &edits = edits_[m.syntax.file];
    std::string definitions;
    CallWeave w{*m.call, m.syntax, *m.aspect, wc, 0, edits, definitions, m.top_level, report.notes, result_.errors,
                headers_[m.syntax.file], "", false, false};
    std::vector<const Advice *> order;
    for (const auto &advice : m.aspect->advice) order.push_back(advice.get());
    std::stable_partition(order.begin(), order.end(), [](const Advice *a) { return a->redirects_call(); });
    for (const Advice *advice : order) {
      advice->weave_call(w);
      ++w.ordinal;
    }
    if (!w.callee_text.empty())
      edits.replace(m.syntax.callee_begin, m.syntax.callee_end - m.syntax.callee_begin, w.callee_text);
    if (!w.woven) {
      report.reasons.push_back(matched_but(*m.aspect, "no advice could be woven (see the notes)"));
      return;
    }
    report.aspect = m.aspect->id;
    report.manifest_json = manifest_entry(*m.call, m.syntax, *m.aspect, symbols_of(*m.call->callee, *mangler_));
    if (!definitions.empty()) definitions_.emplace_back(m.top_level, std::move(definitions));
    note_prelude(m.syntax.file, m.top_level);
  }

  void note_prelude(const FileEntry *file, SourceLocation top_level) {
    auto [it, inserted] = prelude_at_.emplace(file, top_level);
    if (!inserted && sm_.isBeforeInTranslationUnit(top_level, it->second)) it->second = top_level;
  }

  // As the unit names the file (reports, header copies' __FILE__).
  std::string name_of(const FileEntry *file) const {
    return file == main_ ? settings_.source_name : project_.entered(file).spelling;
  }
  // As #line directives name it.
  std::string line_name(const FileEntry *file) const {
    return file == main_ ? settings_.presumed_name : project_.entered(file).spelling;
  }
  std::string copy_path(const FileEntry *file) const {
    return settings_.copy_dir + "/orch-headers/" + settings_.config->relative_to_root(project_.entered(file).path);
  }
  // The line and woven column of a location of the main file; `woven` is its text with edits_.
  std::optional<std::pair<unsigned, unsigned>> woven_position(SourceLocation at, const std::string &woven) {
    if (at.isInvalid()) return std::nullopt;
    const StringRef original = sm_.getBufferData(sm_.getMainFileID());
    const size_t offset = sm_.getFileOffset(at);
    long shift = 0;
    for (const EditList::Change &c : edits_[main_].changes(std::string_view(original.data(), original.size())))
      if (c.offset <= offset) shift += static_cast<long>(c.added) - static_cast<long>(c.removed);
    const size_t woven_offset = offset + shift;
    const size_t line_start = woven_offset ? woven.rfind('\n', woven_offset - 1) + 1 : 0;  // npos + 1 == 0
    return std::pair{sm_.getExpansionLineNumber(at), static_cast<unsigned>(woven_offset - line_start + 1)};
  }

  // A header copy starts with `#line 1` naming the original (__FILE__,
  // diagnostics, debug info); the main file is compiled under the name its
  // #line directives use, and keeps its lines where its prelude could.
  std::string rewritten_text(const FileEntry *file) {
    FileID id = file == main_ ? sm_.getMainFileID() : sm_.translateFile(file);
    StringRef original = sm_.getBufferData(id);
    std::string text = edits_[file].apply(std::string_view(original.data(), original.size()));
    return file == main_ ? text : "#line 1 " + c_string_literal(line_name(file)) + "\n" + text;
  }

  // The main file's edits within a line, for diagnostics (see LineEdit).
  std::vector<LineEdit> line_edits() {
    std::vector<LineEdit> out;
    const FileID id = sm_.getMainFileID();
    const StringRef original = sm_.getBufferData(id);
    for (const EditList::Change &c : edits_[main_].changes(std::string_view(original.data(), original.size()))) {
      if (c.spans_lines) continue;
      out.push_back({sm_.getLineNumber(id, c.offset), sm_.getColumnNumber(id, c.offset),
                     static_cast<unsigned>(c.removed), static_cast<unsigned>(c.added)});
    }
    return out;
  }

  ASTContext &ctx_;
  const SourceManager &sm_;
  const IncludeGraph &includes_;
  const RewriteSettings &settings_;
  const FileEntry *main_;
  ProjectFiles project_;
  FunctionCollector collector_;
  std::vector<CallCandidate> calls_;
  std::unique_ptr<MangleContext> mangler_;
  std::map<const FileEntry *, EditList> edits_;
  std::map<const FileEntry *, SourceLocation> prelude_at_;
  std::map<const FileEntry *, std::set<std::string>> headers_;  // integration headers each file's advice needs
  std::vector<std::pair<SourceLocation, std::string>> definitions_;  // after the prelude, in weave order
  UnitRewrite result_;
};

}  // namespace

UnitRewrite rewrite_unit(ASTContext &ctx, const IncludeGraph &includes, const RewriteSettings &settings) {
  return UnitRewriter(ctx, includes, settings).run();
}

}  // namespace orch
