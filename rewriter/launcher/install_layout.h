// Where orch's own files are: next to the executable when installed
// (bin/orch, lib/liborch_runtime.so, include/orch/weave.h,
// share/orch/aspects), or in the build and source trees when run from a build.
#pragma once

#include <string>

namespace orch {

struct InstallLayout {
  std::string runtime_library;
  std::string weave_header;
  std::string builtin_aspects;
  std::string clang_resource_dir;
};

const InstallLayout &install_layout();

}  // namespace orch
