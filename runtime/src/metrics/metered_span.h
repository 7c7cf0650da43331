// A span from span_begin as its site's metrics count it: what the exporter
// thread tells MetricsCollector of each such span it exports, or leaves
// unexported at exit.
#pragma once

#include <cstdint>

#include "orch/orch.h"

namespace orch::rt {

struct MeteredSpan {
  const orch_site *site;
  uint64_t start_ticks;
  uint64_t end_ticks;
  bool failed;
  // A failed span's error.type; nullptr: none is known (`_OTHER`).
  const char *error_type;
  bool error_type_mangled;  // a C++ type's mangled name
  const uint8_t *trace_id;  // 16 bytes
  const uint8_t *span_id;   // 8 bytes
};

}  // namespace orch::rt
