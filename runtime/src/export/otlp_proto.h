// Hand-written protobuf encoding of opentelemetry.proto.collector.trace.v1.
// ExportTraceServiceRequest for orch's finished spans: one ResourceSpans with
// one ScopeSpans holding every span of the batch.
//
// Two passes over the batch: the first computes the size of every message
// (protobuf prefixes each nested message with its length), the second writes
// into a buffer sized once. Output is canonical proto3: default values are
// omitted, varints are minimal. Nothing is allocated per span once the
// encoder's buffers have grown to the batch size.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "span_data.h"

namespace orch::rt {

class OtlpProtoEncoder {
public:
  // Encodes one request; the result stays valid until the next call.
  std::string_view encode(std::span<const SpanView> spans, const ResourceView &resource);

private:
  std::string buffer_;
  std::vector<uint32_t> span_sizes_;  // first pass, reused by the second
};

}  // namespace orch::rt
