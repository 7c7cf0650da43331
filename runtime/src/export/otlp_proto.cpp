#include "otlp_proto.h"

#include <bit>
#include <cstring>

#include "otlp_utf8.h"

namespace orch::rt {
namespace {

// Field numbers from opentelemetry-proto (trace/v1/trace.proto,
// common/v1/common.proto, resource/v1/resource.proto, collector/trace/v1/trace_service.proto).
namespace field {
constexpr uint32_t kRequestResourceSpans = 1;
constexpr uint32_t kResourceSpansResource = 1, kResourceSpansScopeSpans = 2;
constexpr uint32_t kResourceAttributes = 1;
constexpr uint32_t kScopeSpansScope = 1, kScopeSpansSpans = 2;
constexpr uint32_t kScopeName = 1, kScopeVersion = 2;
constexpr uint32_t kSpanTraceId = 1, kSpanSpanId = 2, kSpanTraceState = 3, kSpanParentSpanId = 4,
                   kSpanName = 5, kSpanKind = 6, kSpanStart = 7, kSpanEnd = 8, kSpanAttributes = 9,
                   kSpanDroppedAttributes = 10, kSpanEvents = 11, kSpanStatus = 15, kSpanFlags = 16;
constexpr uint32_t kEventTime = 1, kEventName = 2, kEventAttributes = 3;
constexpr uint32_t kStatusMessage = 2, kStatusCode = 3;
constexpr uint32_t kKeyValueKey = 1, kKeyValueValue = 2;
constexpr uint32_t kAnyString = 1, kAnyBool = 2, kAnyInt = 3, kAnyDouble = 4;
}  // namespace field

enum WireType : uint32_t { kVarint = 0, kFixed64 = 1, kLen = 2, kFixed32 = 5 };

constexpr size_t varint_size(uint64_t v) { return (std::bit_width(v | 1) + 6) / 7; }
constexpr size_t tag_size(uint32_t field) { return varint_size(field << 3); }

// ---- sizes (first pass) ----

// A length-delimited field holding `payload` bytes.
size_t len_field_size(uint32_t field, size_t payload) {
  return tag_size(field) + varint_size(payload) + payload;
}
size_t string_field_size(uint32_t field, std::string_view s) {
  return s.empty() ? 0 : len_field_size(field, utf8_sanitized_size(s));
}

size_t any_value_size(const AttrView &a) {
  switch (a.type) {
  case AttrType::String: return len_field_size(field::kAnyString, utf8_sanitized_size(a.str));
  case AttrType::Bool: return tag_size(field::kAnyBool) + 1;
  case AttrType::Int: return tag_size(field::kAnyInt) + varint_size(static_cast<uint64_t>(a.i));
  case AttrType::Double: return tag_size(field::kAnyDouble) + 8;
  }
  return 0;
}

size_t key_value_size(const AttrView &a) {
  // The value is always present, even when it is a default (0, false, ""):
  // it is a oneof member, whose presence carries the type.
  return string_field_size(field::kKeyValueKey, a.key) +
         len_field_size(field::kKeyValueValue, any_value_size(a));
}

size_t attributes_size(uint32_t field, std::span<const AttrView> attrs) {
  size_t size = 0;
  for (const AttrView &a : attrs) size += len_field_size(field, key_value_size(a));
  return size;
}

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

bool is_zero(const uint8_t *bytes, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (bytes[i]) return false;
  return true;
}

size_t span_size(const SpanView &s) {
  size_t size = len_field_size(field::kSpanTraceId, 16) + len_field_size(field::kSpanSpanId, 8) +
                string_field_size(field::kSpanTraceState, s.trace_state) +
                string_field_size(field::kSpanName, s.name) +
                attributes_size(field::kSpanAttributes, s.attributes);
  if (!is_zero(s.parent_span_id, 8)) size += len_field_size(field::kSpanParentSpanId, 8);
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

size_t scope_size(const ResourceView &r) {
  return string_field_size(field::kScopeName, r.scope_name) +
         string_field_size(field::kScopeVersion, r.scope_version);
}

// ---- writing (second pass) ----

class Writer {
public:
  explicit Writer(char *p) : p_(p) {}
  char *position() const { return p_; }

  void varint(uint64_t v) {
    while (v >= 0x80) {
      *p_++ = static_cast<char>(v | 0x80);
      v >>= 7;
    }
    *p_++ = static_cast<char>(v);
  }
  void tag(uint32_t field, WireType type) { varint((field << 3) | type); }
  void fixed64(uint32_t field, uint64_t v) {
    tag(field, kFixed64);
    little_endian(v, 8);
  }
  void fixed32(uint32_t field, uint32_t v) {
    tag(field, kFixed32);
    little_endian(v, 4);
  }
  void varint_field(uint32_t field, uint64_t v) {
    tag(field, kVarint);
    varint(v);
  }
  // Starts a nested message or bytes field whose payload is `size` bytes.
  void open(uint32_t field, size_t size) {
    tag(field, kLen);
    varint(size);
  }
  void bytes(uint32_t field, const uint8_t *data, size_t n) {
    open(field, n);
    std::memcpy(p_, data, n);
    p_ += n;
  }
  // A string field, omitted when empty (the proto3 default).
  void string(uint32_t field, std::string_view s) {
    if (s.empty()) return;
    const size_t size = utf8_sanitized_size(s);
    open(field, size);
    utf8(s, size);
  }
  // `s`, whose sanitized size is `size`. Replacements make invalid text
  // longer, so an unchanged size means valid text that can be copied as is.
  void utf8(std::string_view s, size_t size) {
    if (size == s.size()) {
      std::memcpy(p_, s.data(), size);
      p_ += size;
    } else {
      p_ = utf8_sanitize_to(s, p_);
    }
  }

private:
  void little_endian(uint64_t v, int n) {
    for (int i = 0; i < n; ++i) *p_++ = static_cast<char>(v >> (8 * i));
  }
  char *p_;
};

// Like key_value_size, but scanning each string for UTF-8 once: attributes
// are most of a span's bytes.
void write_key_value(Writer &w, uint32_t field, const AttrView &a) {
  const size_t key_size = utf8_sanitized_size(a.key);
  const size_t str_size = a.type == AttrType::String ? utf8_sanitized_size(a.str) : 0;
  const size_t value_size = a.type == AttrType::String
                                ? len_field_size(field::kAnyString, str_size)
                                : any_value_size(a);
  w.open(field, (key_size ? len_field_size(field::kKeyValueKey, key_size) : 0) +
                    len_field_size(field::kKeyValueValue, value_size));
  if (key_size) {
    w.open(field::kKeyValueKey, key_size);
    w.utf8(a.key, key_size);
  }
  w.open(field::kKeyValueValue, value_size);
  switch (a.type) {
  case AttrType::String:
    // Written even when empty: see key_value_size.
    w.open(field::kAnyString, str_size);
    w.utf8(a.str, str_size);
    break;
  case AttrType::Bool: w.varint_field(field::kAnyBool, a.b ? 1 : 0); break;
  case AttrType::Int: w.varint_field(field::kAnyInt, static_cast<uint64_t>(a.i)); break;
  case AttrType::Double: w.fixed64(field::kAnyDouble, std::bit_cast<uint64_t>(a.d)); break;
  }
}

void write_attributes(Writer &w, uint32_t field, std::span<const AttrView> attrs) {
  for (const AttrView &a : attrs) write_key_value(w, field, a);
}

void write_event(Writer &w, const EventView &e) {
  w.open(field::kSpanEvents, event_size(e));
  if (e.time_unix_nano) w.fixed64(field::kEventTime, e.time_unix_nano);
  w.string(field::kEventName, e.name);
  write_attributes(w, field::kEventAttributes, e.attributes);
}

// Fields in field-number order, as protobuf serializers conventionally emit them.
void write_span(Writer &w, const SpanView &s, size_t size) {
  w.open(field::kScopeSpansSpans, size);
  w.bytes(field::kSpanTraceId, s.trace_id, 16);
  w.bytes(field::kSpanSpanId, s.span_id, 8);
  w.string(field::kSpanTraceState, s.trace_state);
  if (!is_zero(s.parent_span_id, 8)) w.bytes(field::kSpanParentSpanId, s.parent_span_id, 8);
  w.string(field::kSpanName, s.name);
  if (s.kind) w.varint_field(field::kSpanKind, s.kind);
  if (s.start_unix_nano) w.fixed64(field::kSpanStart, s.start_unix_nano);
  if (s.end_unix_nano) w.fixed64(field::kSpanEnd, s.end_unix_nano);
  write_attributes(w, field::kSpanAttributes, s.attributes);
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
    spans_total += len_field_size(field::kScopeSpansSpans, span_sizes_[i]);
  }
  const size_t resource_size = attributes_size(field::kResourceAttributes, resource.attributes);
  const size_t scope_spans_size =
      len_field_size(field::kScopeSpansScope, scope_size(resource)) + spans_total;
  const size_t resource_spans_size =
      len_field_size(field::kResourceSpansResource, resource_size) +
      len_field_size(field::kResourceSpansScopeSpans, scope_spans_size);
  const size_t total = len_field_size(field::kRequestResourceSpans, resource_spans_size);

  // Grow only: resizing down and up again would clear the bytes each time.
  if (buffer_.size() < total) buffer_.resize(total);
  Writer w(buffer_.data());
  w.open(field::kRequestResourceSpans, resource_spans_size);
  w.open(field::kResourceSpansResource, resource_size);
  write_attributes(w, field::kResourceAttributes, resource.attributes);
  w.open(field::kResourceSpansScopeSpans, scope_spans_size);
  w.open(field::kScopeSpansScope, scope_size(resource));
  w.string(field::kScopeName, resource.scope_name);
  w.string(field::kScopeVersion, resource.scope_version);
  for (size_t i = 0; i < spans.size(); ++i) write_span(w, spans[i], span_sizes_[i]);
  return {buffer_.data(), static_cast<size_t>(w.position() - buffer_.data())};
}

}  // namespace orch::rt
