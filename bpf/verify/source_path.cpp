#include "verify/source_path.h"

#include <filesystem>

namespace orch::verify {

std::string comparable_path(const std::string &path) {
  std::filesystem::path p(path);
  return p.is_absolute() ? p.lexically_normal().string() : p.filename().string();
}

} // namespace orch::verify
