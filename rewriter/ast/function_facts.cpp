#include "ast/function_facts.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace clang;

namespace orch {
namespace {

std::string context_name(const DeclContext *dc, const SourceManager &sm);

std::string lambda_name(const CXXRecordDecl &closure, const SourceManager &sm) {
  unsigned line = sm.getPresumedLineNumber(sm.getExpansionLoc(closure.getLocation()));
  return "lambda@" + std::to_string(line);
}

std::string function_name(const FunctionDecl &fd, const SourceManager &sm) {
  if (const auto *md = dyn_cast<CXXMethodDecl>(&fd); md && md->getParent()->isLambda())
    return lambda_name(*md->getParent(), sm);
  return fd.getNameAsString();
}

// The qualified name of a declaration context, without template arguments,
// inline namespaces or linkage specifications.
std::string context_name(const DeclContext *dc, const SourceManager &sm) {
  std::vector<std::string> parts;
  for (; dc && !dc->isTranslationUnit(); dc = dc->getParent()) {
    if (const auto *ns = dyn_cast<NamespaceDecl>(dc)) {
      if (ns->isInline()) continue;
      parts.push_back(ns->isAnonymousNamespace() ? "(anonymous namespace)" : ns->getNameAsString());
    } else if (const auto *rd = dyn_cast<CXXRecordDecl>(dc); rd && rd->isLambda()) {
      continue;  // the enclosing function names it
    } else if (const auto *rd = dyn_cast<RecordDecl>(dc)) {
      parts.push_back(rd->getIdentifier() ? rd->getNameAsString() : "(anonymous)");
    } else if (const auto *fd = dyn_cast<FunctionDecl>(dc)) {
      parts.push_back(function_name(*fd, sm));
    }
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += (out.empty() ? "" : "::") + *it;
  return out;
}

const NamespaceDecl *enclosing_namespace(const DeclContext *dc) {
  for (; dc; dc = dc->getParent())
    if (const auto *ns = dyn_cast<NamespaceDecl>(dc)) return ns;
  return nullptr;
}

const CXXRecordDecl *enclosing_class(const DeclContext *dc) {
  for (; dc && !isa<NamespaceDecl>(dc); dc = dc->getParent())
    if (const auto *rd = dyn_cast<CXXRecordDecl>(dc); rd && !rd->isLambda()) return rd;
  return nullptr;
}

FunctionKind kind_of(const FunctionDecl &fd) {
  if (isa<CXXConstructorDecl>(fd)) return FunctionKind::Constructor;
  if (isa<CXXDestructorDecl>(fd)) return FunctionKind::Destructor;
  if (const auto *md = dyn_cast<CXXMethodDecl>(&fd))
    return md->getParent()->isLambda() ? FunctionKind::Lambda : FunctionKind::Method;
  return FunctionKind::Function;
}

// Statements in the body, counted through nested blocks (a block itself does
// not count). `{ return x_; }` has one.
// A call in the body, its lambdas' bodies left out (their own functions).
bool has_call(const Stmt *s) {
  if (!s || isa<LambdaExpr>(s)) return false;
  if (isa<CallExpr>(s) || isa<CXXNewExpr>(s)) return true;
  if (const auto *construct = dyn_cast<CXXConstructExpr>(s))
    if (!construct->getConstructor()->isTrivial()) return true;
  for (const Stmt *child : s->children())
    if (has_call(child)) return true;
  return false;
}

int count_statements(const Stmt *s) {
  if (!s) return 0;
  int n = isa<CompoundStmt>(s) ? 0 : 1;
  if (isa<LambdaExpr>(s)) return n;  // a lambda's body is its own function
  for (const Stmt *child : s->children())
    if (child && (isa<CompoundStmt>(child) || !isa<Expr>(child))) n += count_statements(child);
  return n;
}


// A lambda is left alone when it may be evaluated at compile time: anywhere
// Clang marks as a constant expression (array bounds, template arguments,
// `if constexpr`, case labels...), in the initializer of a variable usable in
// constant expressions, inside a constexpr/consteval function, a static_assert
// or an enumerator. Where the parent chain cannot be followed, it is left
// alone too (never break the build).
bool lambda_in_constant_context(const LambdaExpr &le, ASTContext &ctx) {
  DynTypedNode node = DynTypedNode::create(le);
  for (;;) {
    DynTypedNodeList parents = ctx.getParents(node);
    if (parents.empty()) return true;
    const DynTypedNode &p = parents[0];
    if (p.get<ConstantExpr>() || p.get<TypeLoc>() || p.get<TemplateArgumentLoc>() || p.get<StaticAssertDecl>() ||
        p.get<EnumConstantDecl>() || p.get<CaseStmt>())
      return true;
    if (const auto *vd = p.get<VarDecl>()) {
      if (vd->isConstexpr() || vd->hasAttr<ConstInitAttr>() ||
          (vd->getType().isConstQualified() && vd->getType()->isIntegralOrEnumerationType()))
        return true;
    }
    if (const auto *is = p.get<IfStmt>(); is && is->isConstexpr()) return true;
    if (const auto *fd = p.get<FunctionDecl>()) {
      const auto *md = dyn_cast<CXXMethodDecl>(fd);
      bool implicit_lambda_constexpr = md && md->getParent()->isLambda();  // C++17 marks eligible lambdas
      return fd->isConstexpr() && !implicit_lambda_constexpr;
    }
    if (p.get<TranslationUnitDecl>()) return false;
    node = p;
  }
}

bool lambda_written_constexpr(const LambdaExpr &le, ASTContext &ctx) {
  const SourceManager &sm = ctx.getSourceManager();
  SourceRange declarator(le.getIntroducerRange().getEnd(), le.getBody()->getBeginLoc());
  StringRef text = Lexer::getSourceText(CharSourceRange::getCharRange(declarator), sm, ctx.getLangOpts());
  return text.contains("constexpr") || text.contains("consteval");
}

std::string never_reason(const FunctionDecl &fd, const LambdaExpr *lambda, const CompoundStmt *body,
                         ASTContext &ctx) {
  const SourceManager &sm = ctx.getSourceManager();
  if (isa_and_nonnull<CoroutineBodyStmt>(fd.getBody())) return "coroutine";
  if (!body) return "no body";
  if (fd.isDefaulted() || fd.isDeleted()) return "defaulted or deleted";
  if (fd.isImplicit() && !lambda) return "implicit";
  if (fd.isConsteval()) return "consteval";
  // C++17 makes eligible lambdas implicitly constexpr; only the written keyword counts.
  if (fd.isConstexpr() && (!lambda || lambda_written_constexpr(*lambda, ctx)))
    return "constexpr (must stay usable in constant expressions)";
  if (fd.hasAttr<NakedAttr>()) return "naked";
  if (fd.hasAttr<NoInstrumentFunctionAttr>()) return "no_instrument_function attribute";
  if (sm.isInSystemHeader(fd.getLocation())) return "in a system header";
  if (body->getLBracLoc().isMacroID() || body->getRBracLoc().isMacroID()) return "body written by a macro";
  SourceLocation declared = sm.getExpansionLoc(lambda ? lambda->getBeginLoc() : fd.getLocation());
  if (sm.getFileID(body->getLBracLoc()) != sm.getFileID(body->getRBracLoc()) ||
      sm.getFileID(body->getLBracLoc()) != sm.getFileID(declared))
    return "body and declaration in different files";
  if (lambda && lambda_in_constant_context(*lambda, ctx)) return "lambda in a constant-evaluated context";
  if (!ctx.getLangOpts().CPlusPlus && fd.isInlineSpecified() && fd.getStorageClass() != SC_Static)
    return "C inline function without 'static' cannot hold the span's static data";
  return "";
}

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

// key=value key="value with spaces"
std::vector<std::pair<std::string, std::string>> parse_pairs(const std::string &text) {
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t eq = text.find('=', i);
    if (i >= text.size() || eq == std::string::npos) break;
    std::string key = trim(text.substr(i, eq - i));
    std::string value;
    i = eq + 1;
    if (i < text.size() && text[i] == '"') {
      size_t close = text.find('"', i + 1);
      value = text.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
      i = close == std::string::npos ? text.size() : close + 1;
    } else {
      size_t end = text.find_first_of(" \t", i);
      value = text.substr(i, end == std::string::npos ? std::string::npos : end - i);
      i = end == std::string::npos ? text.size() : end;
    }
    if (!key.empty()) pairs.emplace_back(key, value);
  }
  return pairs;
}

}  // namespace

FunctionFacts naming_facts(const FunctionDecl &fd, const SourceManager &sm) {
  FunctionFacts f;
  f.name = function_name(fd, sm);
  std::string ctx_name = context_name(fd.getDeclContext(), sm);
  f.qualified_name = ctx_name.empty() ? f.name : ctx_name + "::" + f.name;
  if (const auto *ns = enclosing_namespace(fd.getDeclContext())) f.namespace_ = context_name(ns, sm);
  if (const auto *cls = enclosing_class(fd.getDeclContext())) f.class_name = context_name(cls, sm);
  f.kind = kind_of(fd);
  return f;
}

std::string class_name(const CXXRecordDecl &rd, const SourceManager &sm) { return context_name(&rd, sm); }

std::string path_relative_to(const std::string &abs, const std::string &root) {
  fs::path rel = fs::path(abs).lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return abs;
  return rel.generic_string();
}

SourceLocation declaration_start(const Decl &decl, ASTContext &ctx) {
  const SourceManager &sm = ctx.getSourceManager();
  SourceLocation begin = sm.getExpansionLoc(decl.getBeginLoc());
  const Decl *with_attrs = &decl;
  if (const auto *tmpl = dyn_cast<FunctionTemplateDecl>(&decl)) with_attrs = tmpl->getTemplatedDecl();
  for (const Attr *a : with_attrs->attrs()) {
    if (a->isImplicit() || a->getRange().getBegin().isInvalid()) continue;
    SourceLocation loc = sm.getExpansionLoc(a->getRange().getBegin());
    if (sm.getFileID(loc) == sm.getFileID(begin) && loc < begin) begin = loc;
  }
  bool invalid = false;
  StringRef text = sm.getBufferData(sm.getFileID(begin), &invalid);
  if (invalid) return begin;
  size_t offset = sm.getFileOffset(begin);
  size_t before = text.substr(0, offset).rtrim().size();
  for (StringRef opener : {"[[", "__attribute__(("}) {
    StringRef head = text.substr(0, before);
    std::string squeezed;  // `__attribute__ ( (` may be spelled with spaces
    size_t i = head.size();
    while (i > 0 && squeezed.size() < opener.size()) {
      char c = head[--i];
      if (!isspace(static_cast<unsigned char>(c))) squeezed.insert(squeezed.begin(), c);
    }
    if (squeezed == opener) return begin.getLocWithOffset(static_cast<int>(i) - static_cast<int>(offset));
  }
  return begin;
}

std::vector<Directive> directives_above(std::string_view text, size_t offset) {
  std::vector<Directive> out;
  size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  if (line_start == std::string::npos) return out;
  // Only whitespace may stand between the start of the line and the declaration.
  if (!trim(text.substr(line_start + 1, offset - line_start - 1)).empty()) return out;
  while (line_start != std::string::npos && line_start > 0) {
    size_t prev = text.rfind('\n', line_start - 1);
    size_t begin = prev == std::string::npos ? 0 : prev + 1;
    std::string line = trim(text.substr(begin, line_start - begin));
    if (line.rfind("//", 0) != 0 && line.rfind("/*", 0) != 0) break;  // not a comment: stop
    std::string body = line.substr(2);
    if (line.rfind("/*", 0) == 0 && body.size() >= 2 && body.compare(body.size() - 2, 2, "*/") == 0)
      body.resize(body.size() - 2);
    body = trim(body);
    if (body.rfind("orch:", 0) == 0) {
      size_t space = body.find_first_of(" \t");
      Directive d;
      d.name = body.substr(0, space);
      if (space != std::string::npos) d.attributes = parse_pairs(body.substr(space));
      out.push_back(std::move(d));
    }
    line_start = prev;
  }
  return out;
}

Candidate describe_function(const FunctionDecl &fd, const LambdaExpr *lambda, ASTContext &ctx,
                            const std::string &project_root) {
  const SourceManager &sm = ctx.getSourceManager();
  Candidate c;
  c.decl = &fd;
  c.lambda = lambda;
  const Stmt *body = fd.getBody();
  if (const auto *try_block = dyn_cast_or_null<CXXTryStmt>(body)) body = try_block->getTryBlock();
  c.body = dyn_cast_or_null<CompoundStmt>(body);

  FunctionFacts &f = c.facts;
  f = naming_facts(fd, sm);
  f.statements = count_statements(c.body);
  f.calls = has_call(c.body);

  SourceLocation loc = sm.getExpansionLoc(lambda ? lambda->getBeginLoc() : fd.getLocation());
  f.line = sm.getPresumedLineNumber(loc);
  if (OptionalFileEntryRef file = sm.getFileEntryRefForID(sm.getFileID(loc))) {
    c.path = fs::absolute(std::string(file->getName())).lexically_normal().string();
    f.file = path_relative_to(c.path, project_root);
  }
  SourceLocation begin = lambda ? sm.getExpansionLoc(lambda->getBeginLoc())
                                : declaration_start(fd.getDescribedFunctionTemplate()
                                                        ? static_cast<const Decl &>(*fd.getDescribedFunctionTemplate())
                                                        : fd,
                                                    ctx);
  bool invalid = false;
  StringRef buffer = sm.getBufferData(sm.getFileID(begin), &invalid);
  if (!invalid) f.directives = directives_above(std::string_view(buffer.data(), buffer.size()), sm.getFileOffset(begin));

  c.never_reason = never_reason(fd, lambda, c.body, ctx);
  return c;
}

}  // namespace orch
