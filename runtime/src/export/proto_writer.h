// The protobuf writing both OTLP encoders (traces, metrics) share: sizes of
// fields (protobuf prefixes each nested message with its length, so an
// encoder first computes every size, then writes into a buffer sized once),
// a writer of canonical proto3 (defaults omitted, minimal varints), the
// common messages (KeyValue attributes) and the request envelope.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include "export/otlp_utf8.h"
#include "span_data.h"

namespace orch::rt {

enum WireType : uint32_t { kVarint = 0, kFixed64 = 1, kLen = 2, kFixed32 = 5 };

constexpr size_t varint_size(uint64_t v) { return (std::bit_width(v | 1) + 6) / 7; }
constexpr size_t tag_size(uint32_t field) { return varint_size(field << 3); }
// A length-delimited field holding `payload` bytes.
constexpr size_t len_field_size(uint32_t field, size_t payload) {
  return tag_size(field) + varint_size(payload) + payload;
}
inline size_t string_field_size(uint32_t field, std::string_view s) {
  return s.empty() ? 0 : len_field_size(field, utf8_sanitized_size(s));
}
// sint32 (zigzag).
constexpr uint64_t zigzag(int32_t v) {
  return static_cast<uint32_t>((static_cast<uint32_t>(v) << 1) ^ static_cast<uint32_t>(v >> 31));
}

// Repeated KeyValue fields.
size_t attributes_size(uint32_t field, std::span<const AttrView> attrs);

class ProtoWriter {
public:
  explicit ProtoWriter(char *p) : p_(p) {}
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
  void double_field(uint32_t field, double v) { fixed64(field, std::bit_cast<uint64_t>(v)); }
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
  // An element of a packed repeated fixed64 or double field (after open()).
  void raw_fixed64(uint64_t v) { little_endian(v, 8); }
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
  void attributes(uint32_t field, std::span<const AttrView> attrs);

private:
  void little_endian(uint64_t v, int n) {
    for (int i = 0; i < n; ++i) *p_++ = static_cast<char>(v >> (8 * i));
  }
  char *p_;
};

// Export{Trace,Metrics}ServiceRequest share their shape and field numbers:
// request { resource_x = 1 { resource = 1 { attributes = 1 },
//                            scope_x = 2 { scope = 1 { name, version }, items = 2 } } }.
// The field number of each item (a Span, a Metric) in its scope message:
inline constexpr uint32_t kScopeItemsField = 2;

// Grows `buffer` to the whole request's size and writes everything before
// the first item. `items_size` is the sum of len_field_size(kScopeItemsField,
// item size) over the items. The request ends where the writer is after the
// last item.
ProtoWriter begin_otlp_request(std::string &buffer, const ResourceView &resource, size_t items_size);

}  // namespace orch::rt
