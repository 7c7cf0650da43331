// Finished spans as the exporters see them: plain views, valid only for the
// duration of one Exporter::export_spans call. The runtime core owns the
// storage; exporters copy what they keep.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace orch::rt {

enum class AttrType : uint8_t { String, Int, Double, Bool };

struct AttrView {
  std::string_view key;
  AttrType type = AttrType::String;
  std::string_view str;   // AttrType::String
  int64_t i = 0;          // AttrType::Int
  double d = 0;           // AttrType::Double
  bool b = false;         // AttrType::Bool
};

inline AttrView str_attr(std::string_view key, std::string_view value) {
  AttrView a;
  a.key = key;
  a.str = value;
  return a;
}

// True for an id that is all zero bytes: no parent, no trace.
inline bool id_is_zero(const uint8_t *id, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (id[i]) return false;
  return true;
}

enum class StatusCode : uint8_t { Unset = 0, Ok = 1, Error = 2 };

struct EventView {
  std::string_view name;            // e.g. "exception"
  uint64_t time_unix_nano = 0;
  std::span<const AttrView> attributes;
};

struct SpanView {
  uint8_t trace_id[16] = {};
  uint8_t span_id[8] = {};
  uint8_t parent_span_id[8] = {};   // all zero: root span
  uint32_t trace_flags = 1;         // W3C flags (bit 0: sampled)
  std::string_view trace_state;
  std::string_view name;
  uint8_t kind = 1;                 // orch_span_kind / OTLP SpanKind
  uint64_t start_unix_nano = 0;
  uint64_t end_unix_nano = 0;
  std::span<const AttrView> attributes;
  uint32_t dropped_attributes_count = 0;
  std::span<const EventView> events;
  StatusCode status = StatusCode::Unset;
  std::string_view status_message;
};

// Attributes describing the process (service.name, process.pid, ...) and the
// instrumentation scope; fixed for the life of an exporter.
struct ResourceView {
  std::span<const AttrView> attributes;
  std::string_view scope_name;      // "orch"
  std::string_view scope_version;
};

}  // namespace orch::rt
