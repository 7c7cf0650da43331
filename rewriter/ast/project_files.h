// Which files of a unit are the project's own, so that their functions may be
// instrumented: the main file, and headers that are not system headers
// (-isystem, system directories, #pragma GCC system_header), lie under the
// orch.yaml directory and are not matched by `exclude:`.
#pragma once

#include <map>
#include <string>

#include "aspects/model.h"
#include "ast/include_graph.h"

namespace orch {

class ProjectFiles {
public:
  // `includes` is read as it fills (the preprocessor enters a file before its tokens).
  ProjectFiles(const IncludeGraph &includes, const Config &config, const clang::FileEntry *main_file)
      : includes_(includes), config_(config), main_(main_file) {}

  // "" when the file is the project's, else why not.
  std::string why_not(const clang::FileEntry *file) const;
  bool contains(const clang::FileEntry *file) const;
  const EnteredFile &entered(const clang::FileEntry *file) const { return includes_.files.at(file); }

private:
  const IncludeGraph &includes_;
  const Config &config_;
  const clang::FileEntry *main_;
  mutable std::map<const clang::FileEntry *, bool> cache_;
};

}  // namespace orch
