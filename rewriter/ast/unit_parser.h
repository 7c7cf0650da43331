// Runs the Clang frontend on a compile command written for gcc or clang and
// hands the AST and the unit's #include directives to a callback. Flags Clang
// does not know are dropped; output, dependency and code generation flags are
// irrelevant to parsing and removed.
//
// Given the project (orch.yaml), Clang skips the bodies of functions defined
// outside the project's files (system headers, files outside orch.yaml's
// directory or excluded): orch never instruments them, and what it asks about
// their functions (exception specifications, types) is in their declarations.
// The templates such bodies would instantiate are not instantiated either,
// which is most of what parsing a unit that includes the standard library costs.
#pragma once

#include <llvm/ADT/STLFunctionalExtras.h>

#include <memory>
#include <string>
#include <vector>

#include "aspects/model.h"
#include "ast/include_graph.h"

namespace clang {
class ASTContext;
class FrontendAction;
}  // namespace clang

namespace orch {

struct ParseRequest {
  bool cplusplus = true;
  std::vector<std::string> args;  // the compiler's arguments, without the compiler itself
  std::string source;             // the source file as named in args
  std::string resource_dir;       // clang's builtin headers
  const Config *project = nullptr;  // when set, bodies outside its files are skipped (see above)
};

using AstCallback = llvm::function_ref<void(clang::ASTContext &, const IncludeGraph &)>;

// Returns "" after calling on_ast, or why the unit could not be parsed
// (the first error, with its location).
std::string parse_unit(const ParseRequest &request, AstCallback on_ast);

// Runs `action` on the unit; returns whether Clang succeeded, with its first
// error (if any) in `first_error`.
bool run_frontend(const ParseRequest &request, std::unique_ptr<clang::FrontendAction> action, std::string &first_error);

// The command line handed to Clang (exposed for `orch explain --verbose` and tests).
std::vector<std::string> clang_command_line(const ParseRequest &request);

}  // namespace orch
