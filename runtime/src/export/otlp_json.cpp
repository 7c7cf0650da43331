#include "otlp_json.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "otlp_utf8.h"

namespace orch::rt {
namespace {

class JsonWriter {
public:
  explicit JsonWriter(std::string &out) : out_(out) {}

  void raw(std::string_view s) { out_.append(s); }

  // A JSON string literal. Invalid UTF-8 becomes U+FFFD; the escapes are the
  // ones JSON requires (quote, backslash, control characters).
  void quoted(std::string_view s) {
    out_.push_back('"');
    if (utf8_valid(s)) {
      escaped(s);
    } else {
      std::string clean(utf8_sanitized_size(s), '\0');
      utf8_sanitize_to(s, clean.data());
      escaped(clean);
    }
    out_.push_back('"');
  }

  void hex(const uint8_t *bytes, size_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    out_.push_back('"');
    for (size_t i = 0; i < n; ++i) {
      out_.push_back(kDigits[bytes[i] >> 4]);
      out_.push_back(kDigits[bytes[i] & 15]);
    }
    out_.push_back('"');
  }

  template <typename Int> void number(Int v) {
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out_.append(buf, end);
  }

  // int64/uint64/fixed64 are strings in proto3 JSON (JavaScript numbers lose precision).
  template <typename Int> void quoted_number(Int v) {
    out_.push_back('"');
    number(v);
    out_.push_back('"');
  }

  // Shortest text that reads back as the same double; non-finite values are
  // the strings proto3 JSON prescribes.
  void real(double d) {
    if (std::isnan(d)) return raw("\"NaN\"");
    if (std::isinf(d)) return raw(d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    char buf[32];
    auto end = std::to_chars(buf, buf + sizeof buf, d).ptr;
    out_.append(buf, end);
  }

private:
  void escaped(std::string_view s) {
    static constexpr char kDigits[] = "0123456789abcdef";
    size_t run = 0;  // start of the pending run of characters needing no escape
    for (size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
      case '"': out_.append("\\\""); break;
      case '\\': out_.append("\\\\"); break;
      case '\n': out_.append("\\n"); break;
      case '\r': out_.append("\\r"); break;
      case '\t': out_.append("\\t"); break;
      default:
        out_.append("\\u00");
        out_.push_back(kDigits[c >> 4]);
        out_.push_back(kDigits[c & 15]);
      }
    }
    out_.append(s.data() + run, s.size() - run);
  }

  std::string &out_;
};

bool is_zero(const uint8_t *bytes, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (bytes[i]) return false;
  return true;
}

void write_attributes(JsonWriter &w, std::span<const AttrView> attrs) {
  w.raw("\"attributes\":[");
  for (size_t i = 0; i < attrs.size(); ++i) {
    const AttrView &a = attrs[i];
    w.raw(i ? ",{\"key\":" : "{\"key\":");
    w.quoted(a.key);
    switch (a.type) {
    case AttrType::String:
      w.raw(",\"value\":{\"stringValue\":");
      w.quoted(a.str);
      break;
    case AttrType::Int:
      w.raw(",\"value\":{\"intValue\":");
      w.quoted_number(a.i);
      break;
    case AttrType::Double:
      w.raw(",\"value\":{\"doubleValue\":");
      w.real(a.d);
      break;
    case AttrType::Bool: w.raw(a.b ? ",\"value\":{\"boolValue\":true" : ",\"value\":{\"boolValue\":false"); break;
    }
    w.raw("}}");
  }
  w.raw("]");
}

void write_event(JsonWriter &w, const EventView &e) {
  w.raw("{\"timeUnixNano\":");
  w.quoted_number(e.time_unix_nano);
  w.raw(",\"name\":");
  w.quoted(e.name);
  if (!e.attributes.empty()) {
    w.raw(",");
    write_attributes(w, e.attributes);
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
  if (!is_zero(s.parent_span_id, 8)) {
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
    write_attributes(w, s.attributes);
  }
  if (s.dropped_attributes_count) {
    w.raw(",\"droppedAttributesCount\":");
    w.number(s.dropped_attributes_count);
  }
  if (!s.events.empty()) {
    w.raw(",\"events\":[");
    for (size_t i = 0; i < s.events.size(); ++i) {
      if (i) w.raw(",");
      write_event(w, s.events[i]);
    }
    w.raw("]");
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
  w.raw("{\"resourceSpans\":[{\"resource\":{");
  write_attributes(w, resource.attributes);
  w.raw("},\"scopeSpans\":[{\"scope\":{\"name\":");
  w.quoted(resource.scope_name);
  if (!resource.scope_version.empty()) {
    w.raw(",\"version\":");
    w.quoted(resource.scope_version);
  }
  w.raw("},\"spans\":[");
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i) w.raw(",");
    write_span(w, spans[i]);
  }
  w.raw("]}]}]}");
}

}  // namespace orch::rt
