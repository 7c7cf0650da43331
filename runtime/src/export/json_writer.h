// The OTLP/JSON writing both encoders (traces, metrics) share: JSON values
// by the OTLP rules (ids as lowercase hex, 64-bit integers as decimal
// strings, doubles with their proto3 spellings), attributes, and the request
// envelope around the items.
#pragma once

#include <charconv>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "span_data.h"

namespace orch::rt {

class JsonWriter {
public:
  explicit JsonWriter(std::string &out) : out_(out) {}

  void raw(std::string_view s) { out_.append(s); }

  // A JSON string literal. Invalid UTF-8 becomes U+FFFD; the escapes are the
  // ones JSON requires (quote, backslash, control characters).
  void quoted(std::string_view s);

  void hex(const uint8_t *bytes, size_t n);

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
  void real(double d);

  // "attributes":[{"key":...,"value":{...}},...]
  void attributes(std::span<const AttrView> attrs);

  // [item,item,...], each written by write_item.
  template <class T, class Write> void array(std::span<const T> items, Write &&write_item) {
    out_.push_back('[');
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out_.push_back(',');
      write_item(items[i]);
    }
    out_.push_back(']');
  }

private:
  void escaped(std::string_view s);

  std::string &out_;
};

// Export{Trace,Metrics}ServiceRequest up to its items:
// {"<resource_items>":[{"resource":{...},"<scope_items>":[{"scope":{...},"<items>":
void begin_otlp_json_request(JsonWriter &w, const ResourceView &resource, std::string_view resource_items,
                             std::string_view scope_items, std::string_view items);

// The whole request, holding `items`, each written by write_item.
template <class T, class Write>
void write_otlp_json_request(JsonWriter &w, const ResourceView &resource, std::string_view resource_items,
                             std::string_view scope_items, std::string_view items_name, std::span<const T> items,
                             Write &&write_item) {
  begin_otlp_json_request(w, resource, resource_items, scope_items, items_name);
  w.array(items, write_item);
  w.raw("}]}]}");
}

}  // namespace orch::rt
