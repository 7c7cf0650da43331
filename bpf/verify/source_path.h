// Source paths as the manifest and the debug info name them, made comparable.
#pragma once

#include <string>

namespace orch::verify {

// Absolute paths are compared whole (normalized); otherwise the last component
// only (the manifest's path may be relative to the build directory).
std::string comparable_path(const std::string &path);

} // namespace orch::verify
