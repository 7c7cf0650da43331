// Where the parts of a call are written, as offsets into one file, for the
// call's advice to edit around them:
//   free:        callee(args)            ns::f(a, b), f<int>(a), m(a) (implicit this)
//   member:      object OP member(args)  obj.m(a), p->Base::m(a), make().template m<T>()
//   constructor: T(args), T{args}, new T(args), T x(args)
// Every part must come from the file's own text or from a macro's arguments;
// a call (or a part of it) written by a macro's body has no syntax.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ast/call_sites.h"

namespace clang {
class ASTContext;
class FileEntry;
}  // namespace clang

namespace orch {

struct CallSyntax {
  enum class Shape { Free, Member, Constructor } shape = Shape::Free;
  const clang::FileEntry *file = nullptr;
  size_t begin = 0;                      // the first character of the call
  size_t callee_begin = 0, callee_end = 0;  // free: the callee expression; member: from the `.`/`->` to the member's end
  size_t object_end = 0;                 // member: the end of the object expression
  size_t open_paren = 0;                 // free and member: the `(`
  size_t close_paren = 0;                // free and member: the `)`
  std::string member_text;               // member: the text of [callee_begin, callee_end), on one line
  std::vector<std::pair<size_t, size_t>> arguments;  // written arguments, [begin, end)
  unsigned line = 0, column = 0;         // of `begin`, as the compiler presumes them
};

// nullopt with `why` when the call's parts cannot all be edited.
std::optional<CallSyntax> call_syntax(const CallCandidate &call, clang::ASTContext &ctx, std::string &why);

}  // namespace orch
