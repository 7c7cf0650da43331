// Rewrites one parsed translation unit: finds the shadows (function bodies,
// and calls when an aspect can match calls) of the main file and of the
// project's headers, matches them against the aspects, weaves the advice, and
// adds the prelude (weave header) and the manifest (an ELF section listing
// what was instrumented). Headers with something instrumented become copies
// (see include_redirect.h).
#pragma once

#include <string>
#include <vector>

#include "aspects/model.h"
#include "ast/include_graph.h"

namespace clang { class ASTContext; }

namespace orch {

struct RewriteSettings {
  const Config *config = nullptr;
  std::string weave_header;     // absolute path of orch/weave.h
  std::string source_name;      // the source as the command names it
  std::string presumed_name;    // the main file in #line directives: the path the compiler is given
  std::string copy_dir;         // absolute; header copies go under copy_dir/orch-headers/
  // Clang elides the copy of a named local returned from inside a try block;
  // GCC moves it instead (so bodies returning one are not wrapped in a try).
  bool elides_named_return_in_try = false;
  // The command may enable -Wunused-parameter: a parameter the function does
  // not use is then not recorded (recording it would silence the warning).
  bool warns_unused_parameters = false;
};

// One function of the unit's project files, and what orch decided about it.
struct FunctionReport {
  std::string file;  // as the unit names it
  std::string qualified_name;
  std::string kind;
  unsigned line = 0;
  std::string aspect;                // the aspect that instrumented it, or ""
  bool trivial = false;              // at most one statement and no call
  std::vector<std::string> reasons;  // why not (one per aspect), or why never
  std::vector<std::string> notes;    // for instrumented functions
  std::string manifest_json;         // for instrumented functions
};

// One call of the unit's project files, and what orch decided about it.
struct CallReport {
  std::string file;  // as the unit names it
  unsigned line = 0, column = 0;
  std::string caller;  // qualified name, "" at namespace scope
  std::string callee;
  std::string aspect;                // the aspect woven into it, or ""
  std::vector<std::string> reasons;  // why not (one per aspect), or why never
  std::vector<std::string> notes;    // advice that could not be woven, arguments not recorded
  std::string manifest_json;         // for instrumented calls
};

// A header rewritten for this unit.
struct HeaderCopy {
  std::string original;  // absolute path
  std::string spelling;  // as the unit names it (__FILE__, depfiles)
  std::string copy;      // absolute path of the copy
  std::string text;
};

// Text the weave inserted into (or replaced in) one line of the main file.
struct LineEdit {
  unsigned line = 0, column = 0;  // where, in the original (1-based; column in bytes)
  unsigned removed = 0, added = 0;
};

struct UnitRewrite {
  std::string text;  // the rewritten unit; empty when nothing was instrumented
  std::vector<LineEdit> line_edits;  // of the main file, in order; edits that add or remove lines are not listed
  std::vector<HeaderCopy> headers;
  std::vector<FunctionReport> functions;
  std::vector<CallReport> calls;     // only when some aspect can match calls
  std::vector<std::string> errors;   // mistakes of the aspects found at a call (file:line:col: error: ...)
  size_t instrumented() const;
  size_t instrumented_calls() const;
};

UnitRewrite rewrite_unit(clang::ASTContext &ctx, const IncludeGraph &includes, const RewriteSettings &settings);

}  // namespace orch
