// Rewrites one parsed translation unit: finds the functions of the main file,
// matches them against the aspects, weaves the advice, and adds the prelude
// (weave header) and the manifest (an ELF section listing what was instrumented).
#pragma once

#include <string>
#include <vector>

#include "aspects/model.h"

namespace clang { class ASTContext; }

namespace orch {

struct RewriteSettings {
  const Config *config = nullptr;
  std::string weave_header;     // absolute path of orch/weave.h
  std::string runtime_library;  // absolute path of liborch_runtime.so
  std::string presumed_name;    // the source as the compiler was given it (for #line)
  std::string source_path;      // the source, absolute
};

// One function of the main file, and what orch decided about it.
struct FunctionReport {
  std::string qualified_name;
  std::string kind;
  unsigned line = 0;
  std::string aspect;                // the aspect that instrumented it, or ""
  std::vector<std::string> reasons;  // why not (one per aspect), or why never
  std::vector<std::string> notes;    // for instrumented functions
  std::string manifest_json;         // for instrumented functions
};

struct UnitRewrite {
  std::string text;  // the rewritten unit; empty when nothing was instrumented
  std::vector<FunctionReport> functions;
  size_t instrumented() const;
};

UnitRewrite rewrite_unit(clang::ASTContext &ctx, const RewriteSettings &settings);

}  // namespace orch
