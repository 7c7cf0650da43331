#include "launcher/install_layout.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace orch {

const InstallLayout &install_layout() {
  static const InstallLayout layout = [] {
    InstallLayout l;
    l.clang_resource_dir = ORCH_CLANG_RESOURCE_DIR;
    fs::path prefix = fs::canonical("/proc/self/exe").parent_path().parent_path();
    fs::path installed_aspects = prefix / ORCH_INSTALL_DATADIR / "orch" / "aspects";
    if (fs::is_directory(installed_aspects)) {
      l.runtime_library = (prefix / ORCH_INSTALL_LIBDIR / "liborch_runtime.so").string();
      l.weave_header = (prefix / ORCH_INSTALL_INCLUDEDIR / "orch" / "weave.h").string();
      l.builtin_aspects = installed_aspects.string();
    } else {
      l.runtime_library = ORCH_BUILD_RUNTIME_LIBRARY;
      l.weave_header = ORCH_SOURCE_DIR "/runtime/include/orch/weave.h";
      l.builtin_aspects = ORCH_SOURCE_DIR "/aspects";
    }
    return l;
  }();
  return layout;
}

}  // namespace orch
