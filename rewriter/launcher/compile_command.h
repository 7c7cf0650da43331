// Reads a compiler command line and decides whether it compiles exactly one
// C or C++ source (the only thing orch rewrites) or must pass through.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace orch {

// What each argument of a command is.
enum class ArgRole {
  Wrapper,   // ccache, distcc... before the compiler
  Compiler,  // the real compiler
  Option,    // an option or its value that matters to compiling (-O2, -I inc, -x c++, -c...)
  Output,    // -o and its value, or -oFILE
  LinkOnly,  // an option (or its value) only the link step reads: -lfoo, -L dir, -Wl,..., -shared
  Source,    // a C or C++ source
  Input,     // any other input: objects, archives, assembler, "-" (stdin)
};

struct CompileCommand {
  std::vector<std::string> argv;  // wrappers (ccache...), compiler, arguments; response files expanded
  std::vector<ArgRole> roles;     // one per argv element
  size_t compiler_index = 0;      // argv[compiler_index] is the real compiler
  size_t source_index = 0;        // argv[source_index] is the source (when instrumentable)
  bool cplusplus = false;
  bool preprocesses = false;           // -E, -M, -MM, -fsyntax-only: no object
  bool links = false;                  // neither -c, -S nor the above: the driver compiles and links
  bool assembly_out = false;           // -S
  std::string output;                  // the object file
  std::optional<std::string> depfile;  // written by the compiler (-MD/-MMD)
  std::string pass_reason;             // non-empty: not a single-source compile, and why

  bool instrumentable() const { return pass_reason.empty(); }
  const std::string &source() const { return argv[source_index]; }
  // The arguments after the compiler (what Clang parses).
  std::vector<std::string> compiler_args() const;
  // Indices of the C and C++ sources, in order.
  std::vector<size_t> sources() const;
  // Whether the compiler is Clang, by its name (`cc` and `c++` count as GCC).
  bool is_clang() const;
  // Whether the options may enable -Wunused-parameter (GCC: -Wextra with -Wall
  // or -Wunused; Clang: -Wextra alone; or the option itself), the last of an
  // option and its -Wno- form deciding; never with -w.
  bool may_warn_unused_parameters() const;
};

CompileCommand classify(std::vector<std::string> argv);

}  // namespace orch
