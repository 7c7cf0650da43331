// Headers with instrumented functions are rewritten as copies under the
// object's `.orch` directory, never in place. The unit must then reach the
// copy, and only the copy, wherever it included the original: a header
// reachable both ways would be defined twice (or, with #pragma once, entered
// twice). So every file on an include chain that leads to a copied header is
// copied too, and its directives are rewritten:
//   - in the main file and in copies, an #include of a copied header names the
//     copy's absolute path;
//   - in copies, every quoted #include and `__has_include("...")` names its
//     target's absolute path (a copy no longer sits beside the headers its
//     original found next to itself), and an #include_next becomes an
//     #include of what the original found (a copy is not found through the
//     include path, where #include_next continues the search).
// A header whose chain orch cannot rewrite (a system header or a file outside
// the project on it, a macro-computed name, a copy whose meaning depends on its
// own directory otherwise) stays as it is, with the reason.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>

#include "ast/include_graph.h"
#include "weave/edits.h"

namespace orch {

struct RedirectPlan {
  std::set<const clang::FileEntry *> copied;               // every file rewritten as a copy
  std::map<const clang::FileEntry *, std::string> refused;  // wanted header -> why it stays as it is
};

// `wanted`: headers with functions to instrument. `why_not_copyable(file)`:
// "" when orch may rewrite a copy of the file (a project file), else why not.
RedirectPlan plan_redirects(const IncludeGraph &graph, const clang::FileEntry *main_file,
                            const std::set<const clang::FileEntry *> &wanted,
                            const std::function<std::string(const clang::FileEntry *)> &why_not_copyable);

// Adds the directive rewrites to `edits` (by file); `copy_path(file)` is where
// the copy of a file in plan.copied is written.
void redirect_includes(const IncludeGraph &graph, const clang::FileEntry *main_file, const RedirectPlan &plan,
                       const std::function<std::string(const clang::FileEntry *)> &copy_path,
                       std::map<const clang::FileEntry *, EditList> &edits);

}  // namespace orch
