// Reads a compiler command line and decides whether it compiles exactly one
// C or C++ source (the only thing orch rewrites) or must pass through.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace orch {

struct CompileCommand {
  std::vector<std::string> argv;  // wrappers (ccache...), compiler, arguments; response files expanded
  size_t compiler_index = 0;      // argv[compiler_index] is the real compiler
  size_t source_index = 0;        // argv[source_index] is the source (when instrumentable)
  bool cplusplus = false;
  std::string output;                  // the object file
  std::optional<std::string> depfile;  // written by the compiler (-MD/-MMD)
  std::string pass_reason;             // non-empty: not a single-source compile, and why

  bool instrumentable() const { return pass_reason.empty(); }
  const std::string &source() const { return argv[source_index]; }
  // The arguments after the compiler (what Clang parses).
  std::vector<std::string> compiler_args() const;
};

CompileCommand classify(std::vector<std::string> argv);

}  // namespace orch
