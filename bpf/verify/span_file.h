// Spans written by the runtime's file exporter (OTEL_TRACES_EXPORTER=file):
// one OTLP/JSON ExportTraceServiceRequest per line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace orch::verify {

struct SpanRecord {
  std::string function; // code.function.name ("" when absent)
  std::string file;   // code.file.path ("" when absent)
  unsigned line = 0;  // code.line.number (0 when absent)
  uint64_t duration_ns = 0;
};

// Every span of the file; a missing file means no span was exported. Throws
// std::runtime_error naming the file and line for malformed JSON.
std::vector<SpanRecord> read_span_file(const std::string &path);

} // namespace orch::verify
