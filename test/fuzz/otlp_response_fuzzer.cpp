// libFuzzer target: the body of an OTLP/HTTP export's answer, read as
// protobuf and as JSON (export/otlp_response.h). Any body ends in a
// PartialSuccess; no crash, no hang.
#include <string_view>

#include "export/otlp_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string_view body(reinterpret_cast<const char *>(data), size);
  orch::rt::parse_partial_success_proto(body);
  orch::rt::parse_partial_success_json(body);
  return 0;
}
