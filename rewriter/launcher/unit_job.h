// Parse + rewrite of one compile command; shared by the launcher, `orch
// explain` and `orch diff`.
#pragma once

#include <string>

#include "aspects/model.h"
#include "ast/unit_parser.h"
#include "launcher/compile_command.h"
#include "weave/unit_rewriter.h"

namespace orch {

struct UnitJobResult {
  UnitRewrite rewrite;
  std::string failure;  // non-empty: the unit could not be parsed or rewritten
};

// What Clang is asked to read for the command.
ParseRequest parse_request(const CompileCommand &cmd);

UnitJobResult rewrite_compile_command(const CompileCommand &cmd, const Config &config);

// Where the rewritten unit and its header copies go: `<object>.orch`, absolute.
std::string copy_dir(const CompileCommand &cmd);
// The rewritten unit: in copy_dir, under the source's file name (same
// language, same gcov names). The compiler is given this path, and the
// unit's #line directives name it too, so that the compiler sees its main
// file as such (GCC's -Wsubobject-linkage compares the two names).
std::string rewritten_path(const CompileCommand &cmd);

// Whether `source` (as named in a command) is excluded by orch.yaml.
bool is_excluded(const Config &config, const std::string &source);

}  // namespace orch
