#include "weave/call_syntax.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

using namespace clang;

namespace orch {
namespace {

class Reader {
public:
  explicit Reader(ASTContext &ctx) : ctx_(ctx), sm_(ctx.getSourceManager()) {}

  // [begin, end) of the tokens from `b` to `e`, in `file`; false if they are not all its text.
  bool range(SourceLocation b, SourceLocation e, FileID &file, std::pair<size_t, size_t> &out) const {
    CharSourceRange r = Lexer::makeFileCharRange(CharSourceRange::getTokenRange(b, e), sm_, ctx_.getLangOpts());
    if (r.isInvalid()) return false;
    FileID id = sm_.getFileID(r.getBegin());
    if (file.isInvalid()) file = id;
    if (id != file || sm_.getFileID(r.getEnd()) != file) return false;
    out = {sm_.getFileOffset(r.getBegin()), sm_.getFileOffset(r.getEnd())};
    return true;
  }
  bool range(const Expr &e, FileID &file, std::pair<size_t, size_t> &out) const {
    return range(e.getBeginLoc(), e.getEndLoc(), file, out);
  }
  StringRef text(FileID file) const { return sm_.getBufferData(file); }

private:
  ASTContext &ctx_;
  const SourceManager &sm_;
};

// The offset of the `(` that follows `from`, skipping whitespace and comments.
std::optional<size_t> paren_after(StringRef text, size_t from) {
  size_t i = from;
  while (i < text.size()) {
    if (isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
    } else if (text.substr(i).starts_with("//")) {
      i = text.find('\n', i);
    } else if (text.substr(i).starts_with("/*")) {
      size_t end = text.find("*/", i + 2);
      if (end == StringRef::npos) return std::nullopt;
      i = end + 2;
    } else {
      break;
    }
  }
  if (i < text.size() && text[i] == '(') return i;
  return std::nullopt;
}

template <class Args> bool read_arguments(const Reader &reader, const Args &args, FileID &file, CallSyntax &s) {
  for (const Expr *arg : args) {
    if (isa<CXXDefaultArgExpr>(arg)) continue;
    std::pair<size_t, size_t> r;
    if (!reader.range(*arg, file, r)) return false;
    s.arguments.push_back(r);
  }
  return true;
}

bool only_space(StringRef text) { return text.find_first_not_of(" \t\r\n") == StringRef::npos; }
// A call written as `f(a, b)` where `f` is a function-like macro of the
// function's own name that expands to exactly `f(a, b)` (libcurl's
// `#define curl_easy_setopt(h, o, p) curl_easy_setopt(h, o, p)`): the
// invocation's parts stand for the call's. Each argument of the call must be
// one of the invocation's, in order, with nothing else between them.
bool through_same_name_macro(const Reader &reader, const CallExpr &ce, std::pair<size_t, size_t> whole, FileID &file,
                             CallSyntax &s) {
  const auto *fd = dyn_cast_or_null<FunctionDecl>(ce.getCalleeDecl());
  if (!fd || !fd->getIdentifier()) return false;
  const StringRef name = fd->getName(), text = reader.text(file);
  const size_t name_end = whole.first + name.size();
  if (!text.substr(whole.first).starts_with(name) || name_end >= text.size() ||
      isalnum(static_cast<unsigned char>(text[name_end])) || text[name_end] == '_')
    return false;
  std::optional<size_t> paren = paren_after(text, name_end);
  if (!paren || whole.second == 0 || text[whole.second - 1] != ')') return false;
  CallSyntax out = s;
  if (!read_arguments(reader, ce.arguments(), file, out)) return false;
  size_t at = *paren + 1;
  for (size_t i = 0; i < out.arguments.size(); ++i) {
    auto [begin, end] = out.arguments[i];
    if (begin < at) return false;
    const StringRef between = text.slice(at, begin).trim(" \t\r\n");
    if (between != (i == 0 ? "" : ",")) return false;
    at = end;
  }
  if (!only_space(text.slice(at, whole.second - 1))) return false;
  out.callee_begin = whole.first;
  out.callee_end = name_end;
  out.open_paren = *paren;
  out.close_paren = whole.second - 1;
  s = std::move(out);
  return true;
}

// The call's file, line and column.
std::optional<CallSyntax> finish(CallSyntax &s, FileID file, const SourceManager &sm, std::string &why) {
  OptionalFileEntryRef entry = sm.getFileEntryRefForID(file);
  if (!entry) {
    why = "the call is not in a file";
    return std::nullopt;
  }
  s.file = &entry->getFileEntry();
  SourceLocation at = sm.getComposedLoc(file, static_cast<unsigned>(s.begin));
  s.line = sm.getPresumedLineNumber(at);
  s.column = sm.getPresumedColumnNumber(at);
  return s;
}

}  // namespace

std::optional<CallSyntax> call_syntax(const CallCandidate &call, ASTContext &ctx, std::string &why) {
  const SourceManager &sm = ctx.getSourceManager();
  Reader reader(ctx);
  CallSyntax s;
  FileID file;
  std::pair<size_t, size_t> whole;
  if (!reader.range(*call.expr, file, whole)) {
    why = "part of the call is written by a macro's body";
    return std::nullopt;
  }
  s.begin = whole.first;
  const auto *construct = dyn_cast<CXXConstructExpr>(call.expr);
  if (construct) {
    s.shape = CallSyntax::Shape::Constructor;
    if (!read_arguments(reader, construct->arguments(), file, s)) {
      why = "an argument is written by a macro's body";
      return std::nullopt;
    }
  } else {
    const auto &ce = *cast<CallExpr>(call.expr);
    if (isa<CXXOperatorCallExpr>(ce)) {
      why = "an operator call (only join points and the record of it are supported)";
      return std::nullopt;
    }
    const Expr *callee = ce.getCallee()->IgnoreImpCasts();
    const auto *member = dyn_cast<MemberExpr>(callee);
    std::pair<size_t, size_t> callee_range;
    if (member && !member->isImplicitAccess()) {
      s.shape = CallSyntax::Shape::Member;
      std::pair<size_t, size_t> object;
      // `p->m()` through a smart pointer: the base is p's operator-> call,
      // which ends at the `->`; the object as written is p.
      const Expr *base = member->getBase();
      if (const auto *arrow = dyn_cast<CXXOperatorCallExpr>(base->IgnoreImplicit());
          arrow && arrow->getOperator() == OO_Arrow)
        base = arrow->getArg(0);
      if (!reader.range(*base, file, object) ||
          !reader.range(member->getOperatorLoc(), member->getEndLoc(), file, callee_range)) {
        why = "part of the call is written by a macro's body";
        return std::nullopt;
      }
      s.object_end = object.second;
      std::string text = reader.text(file).substr(callee_range.first, callee_range.second - callee_range.first).str();
      for (char &c : text)
        if (c == '\n' || c == '\r') c = ' ';
      s.member_text = text;
    } else if (!reader.range(*callee, file, callee_range)) {
      if (!through_same_name_macro(reader, ce, whole, file, s)) {
        why = "the callee is written by a macro's body";
        return std::nullopt;
      }
      return finish(s, file, sm, why);
    }
    s.callee_begin = callee_range.first;
    s.callee_end = callee_range.second;
    std::optional<size_t> paren = paren_after(reader.text(file), s.callee_end);
    if (!paren) {
      why = "no '(' follows the callee in the source";
      return std::nullopt;
    }
    s.open_paren = *paren;
    std::pair<size_t, size_t> rparen;
    if (!reader.range(ce.getRParenLoc(), ce.getRParenLoc(), file, rparen)) {
      why = "the call's ')' is written by a macro's body";
      return std::nullopt;
    }
    s.close_paren = rparen.first;
    if (!read_arguments(reader, ce.arguments(), file, s)) {
      why = "an argument is written by a macro's body";
      return std::nullopt;
    }
  }
  return finish(s, file, sm, why);
}

}  // namespace orch
