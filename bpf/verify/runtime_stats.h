// The runtime's counters, as it appends them at exit to ORCH_STATS_FILE
// (docs/runtime.md, "Guarantees and limits"): one JSON object per process.
#pragma once

#include <cstdint>
#include <string>

namespace orch::verify {

// The spans the processes of a run dropped (queue full), summed over the
// file's lines: a forked child writes its own. A missing file: no runtime
// started, none dropped. Throws std::runtime_error for malformed JSON.
uint64_t spans_dropped(const std::string &stats_path);

} // namespace orch::verify
