#include "otlp_proto.h"

#include "export/proto_writer.h"

namespace orch::rt {
namespace {

// Field numbers from opentelemetry-proto (trace/v1/trace.proto).
namespace field {
constexpr uint32_t kSpanTraceId = 1, kSpanSpanId = 2, kSpanTraceState = 3, kSpanParentSpanId = 4,
                   kSpanName = 5, kSpanKind = 6, kSpanStart = 7, kSpanEnd = 8, kSpanAttributes = 9,
                   kSpanDroppedAttributes = 10, kSpanEvents = 11, kSpanStatus = 15, kSpanFlags = 16;
constexpr uint32_t kEventTime = 1, kEventName = 2, kEventAttributes = 3;
constexpr uint32_t kStatusMessage = 2, kStatusCode = 3;
}  // namespace field

size_t event_size(const EventView &e) {
  return (e.time_unix_nano ? tag_size(field::kEventTime) + 8 : 0) +
         string_field_size(field::kEventName, e.name) +
         attributes_size(field::kEventAttributes, e.attributes);
}

bool has_status(const SpanView &s) {
  return s.status != StatusCode::Unset || !s.status_message.empty();
}

size_t status_size(const SpanView &s) {
  return string_field_size(field::kStatusMessage, s.status_message) +
         (s.status != StatusCode::Unset
              ? tag_size(field::kStatusCode) + varint_size(static_cast<uint64_t>(s.status))
              : 0);
}

size_t span_size(const SpanView &s) {
  size_t size = len_field_size(field::kSpanTraceId, 16) + len_field_size(field::kSpanSpanId, 8) +
                string_field_size(field::kSpanTraceState, s.trace_state) +
                string_field_size(field::kSpanName, s.name) +
                attributes_size(field::kSpanAttributes, s.attributes);
  if (!id_is_zero(s.parent_span_id, 8)) size += len_field_size(field::kSpanParentSpanId, 8);
  if (s.kind) size += tag_size(field::kSpanKind) + varint_size(s.kind);
  if (s.start_unix_nano) size += tag_size(field::kSpanStart) + 8;
  if (s.end_unix_nano) size += tag_size(field::kSpanEnd) + 8;
  if (s.dropped_attributes_count)
    size += tag_size(field::kSpanDroppedAttributes) + varint_size(s.dropped_attributes_count);
  for (const EventView &e : s.events) size += len_field_size(field::kSpanEvents, event_size(e));
  if (has_status(s)) size += len_field_size(field::kSpanStatus, status_size(s));
  if (s.trace_flags) size += tag_size(field::kSpanFlags) + 4;
  return size;
}

void write_event(ProtoWriter &w, const EventView &e) {
  w.open(field::kSpanEvents, event_size(e));
  if (e.time_unix_nano) w.fixed64(field::kEventTime, e.time_unix_nano);
  w.string(field::kEventName, e.name);
  w.attributes(field::kEventAttributes, e.attributes);
}

// Fields in field-number order, as protobuf serializers conventionally emit them.
void write_span(ProtoWriter &w, const SpanView &s, size_t size) {
  w.open(kScopeItemsField, size);
  w.bytes(field::kSpanTraceId, s.trace_id, 16);
  w.bytes(field::kSpanSpanId, s.span_id, 8);
  w.string(field::kSpanTraceState, s.trace_state);
  if (!id_is_zero(s.parent_span_id, 8)) w.bytes(field::kSpanParentSpanId, s.parent_span_id, 8);
  w.string(field::kSpanName, s.name);
  if (s.kind) w.varint_field(field::kSpanKind, s.kind);
  if (s.start_unix_nano) w.fixed64(field::kSpanStart, s.start_unix_nano);
  if (s.end_unix_nano) w.fixed64(field::kSpanEnd, s.end_unix_nano);
  w.attributes(field::kSpanAttributes, s.attributes);
  if (s.dropped_attributes_count)
    w.varint_field(field::kSpanDroppedAttributes, s.dropped_attributes_count);
  for (const EventView &e : s.events) write_event(w, e);
  if (has_status(s)) {
    w.open(field::kSpanStatus, status_size(s));
    w.string(field::kStatusMessage, s.status_message);
    if (s.status != StatusCode::Unset)
      w.varint_field(field::kStatusCode, static_cast<uint64_t>(s.status));
  }
  if (s.trace_flags) w.fixed32(field::kSpanFlags, s.trace_flags);
}

}  // namespace

std::string_view OtlpProtoEncoder::encode(std::span<const SpanView> spans,
                                          const ResourceView &resource) {
  span_sizes_.resize(spans.size());
  size_t spans_total = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    span_sizes_[i] = static_cast<uint32_t>(span_size(spans[i]));
    spans_total += len_field_size(kScopeItemsField, span_sizes_[i]);
  }
  ProtoWriter w = begin_otlp_request(buffer_, resource, spans_total);
  for (size_t i = 0; i < spans.size(); ++i) write_span(w, spans[i], span_sizes_[i]);
  return {buffer_.data(), static_cast<size_t>(w.position() - buffer_.data())};
}

}  // namespace orch::rt
