// A driver command that compiles several sources (`cc -c a.c b.c`) or
// compiles and links in one step (`cc -O2 -o app a.c b.c -lm`) is run the way
// a build system would run it: each C or C++ source compiled alone (so the
// launcher can rewrite it), then, for a link, the same command with the
// objects in place of the sources.
#pragma once

#include <string>
#include <vector>

#include "launcher/compile_command.h"

namespace orch {

struct SplitCommand {
  std::vector<std::vector<std::string>> compiles;  // one single-source compile per source, in order
  std::vector<std::string> link;                   // empty when the command does not link
  std::string object_dir;                          // the link's objects (a temporary directory), or empty
};

// Empty `why_not` and the steps, or why the command must run as it is.
SplitCommand split_command(const CompileCommand &cmd, std::string &why_not);

}  // namespace orch
