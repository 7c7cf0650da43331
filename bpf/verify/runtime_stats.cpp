#include "verify/runtime_stats.h"

#include "verify/otlp_lines.h"

namespace orch::verify {

uint64_t spans_dropped(const std::string &stats_path) {
  uint64_t total = 0;
  for_each_request(stats_path, [&](const llvm::json::Object &process) {
    total += static_cast<uint64_t>(process.getInteger("spans_dropped").value_or(0));
  });
  return total;
}

} // namespace orch::verify
