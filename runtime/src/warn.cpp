#include "warn.h"

#include <cstdio>
#include <mutex>
#include <set>
#include <string>

namespace orch::rt {

void warn_stderr(std::string_view message) {
  static std::mutex mu;
  static std::set<std::string, std::less<>> seen;
  try {
    std::lock_guard lock(mu);
    if (!seen.emplace(message).second) return;
  } catch (...) {
    // Out of memory while deduplicating: printing twice beats not printing.
  }
  std::fprintf(stderr, "orch: warning: %.*s\n", static_cast<int>(message.size()), message.data());
}

}  // namespace orch::rt
