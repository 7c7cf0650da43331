#include "ast/project_files.h"

namespace orch {

std::string ProjectFiles::why_not(const clang::FileEntry *file) const {
  if (file == main_) return "";
  auto it = includes_.files.find(file);
  if (it == includes_.files.end()) return "not a file the unit entered";
  if (it->second.system) return "a system header";
  if (config_.relative_to_root(it->second.path).empty()) return "outside the project (" + config_.root + ")";
  if (config_.excludes(it->second.path)) return "excluded by orch.yaml";
  return "";
}

bool ProjectFiles::contains(const clang::FileEntry *file) const {
  auto [it, inserted] = cache_.emplace(file, false);
  if (inserted) it->second = why_not(file).empty();
  return it->second;
}

}  // namespace orch
