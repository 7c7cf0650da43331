#include "otlp_json.h"

#include "export/json_writer.h"

namespace orch::rt {
namespace {

void write_event(JsonWriter &w, const EventView &e) {
  w.raw("{\"timeUnixNano\":");
  w.quoted_number(e.time_unix_nano);
  w.raw(",\"name\":");
  w.quoted(e.name);
  if (!e.attributes.empty()) {
    w.raw(",");
    w.attributes(e.attributes);
  }
  w.raw("}");
}

void write_span(JsonWriter &w, const SpanView &s) {
  w.raw("{\"traceId\":");
  w.hex(s.trace_id, 16);
  w.raw(",\"spanId\":");
  w.hex(s.span_id, 8);
  if (!s.trace_state.empty()) {
    w.raw(",\"traceState\":");
    w.quoted(s.trace_state);
  }
  if (!id_is_zero(s.parent_span_id, 8)) {
    w.raw(",\"parentSpanId\":");
    w.hex(s.parent_span_id, 8);
  }
  if (s.trace_flags) {
    w.raw(",\"flags\":");
    w.number(s.trace_flags);
  }
  w.raw(",\"name\":");
  w.quoted(s.name);
  w.raw(",\"kind\":");
  w.number(s.kind);
  w.raw(",\"startTimeUnixNano\":");
  w.quoted_number(s.start_unix_nano);
  w.raw(",\"endTimeUnixNano\":");
  w.quoted_number(s.end_unix_nano);
  if (!s.attributes.empty()) {
    w.raw(",");
    w.attributes(s.attributes);
  }
  if (s.dropped_attributes_count) {
    w.raw(",\"droppedAttributesCount\":");
    w.number(s.dropped_attributes_count);
  }
  if (!s.events.empty()) {
    w.raw(",\"events\":");
    w.array(s.events, [&](const EventView &e) { write_event(w, e); });
  }
  if (s.status != StatusCode::Unset || !s.status_message.empty()) {
    w.raw(",\"status\":{");
    if (!s.status_message.empty()) {
      w.raw("\"message\":");
      w.quoted(s.status_message);
      if (s.status != StatusCode::Unset) w.raw(",");
    }
    if (s.status != StatusCode::Unset) {
      w.raw("\"code\":");
      w.number(static_cast<int>(s.status));
    }
    w.raw("}");
  }
  w.raw("}");
}

}  // namespace

void encode_otlp_json(std::span<const SpanView> spans, const ResourceView &resource,
                      std::string &out) {
  out.clear();
  JsonWriter w(out);
  write_otlp_json_request(w, resource, "resourceSpans", "scopeSpans", "spans", spans,
                          [&](const SpanView &s) { write_span(w, s); });
}

}  // namespace orch::rt
