#include "export/json_writer.h"

#include <cmath>

#include "export/otlp_utf8.h"

namespace orch::rt {

void JsonWriter::quoted(std::string_view s) {
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

void JsonWriter::hex(const uint8_t *bytes, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out_.push_back('"');
  for (size_t i = 0; i < n; ++i) {
    out_.push_back(kDigits[bytes[i] >> 4]);
    out_.push_back(kDigits[bytes[i] & 15]);
  }
  out_.push_back('"');
}

void JsonWriter::real(double d) {
  if (std::isnan(d)) return raw("\"NaN\"");
  if (std::isinf(d)) return raw(d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
  char buf[32];
  auto end = std::to_chars(buf, buf + sizeof buf, d).ptr;
  out_.append(buf, end);
}

void JsonWriter::escaped(std::string_view s) {
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

void JsonWriter::attributes(std::span<const AttrView> attrs) {
  raw("\"attributes\":[");
  for (size_t i = 0; i < attrs.size(); ++i) {
    const AttrView &a = attrs[i];
    raw(i ? ",{\"key\":" : "{\"key\":");
    quoted(a.key);
    switch (a.type) {
    case AttrType::String:
      raw(",\"value\":{\"stringValue\":");
      quoted(a.str);
      break;
    case AttrType::Int:
      raw(",\"value\":{\"intValue\":");
      quoted_number(a.i);
      break;
    case AttrType::Double:
      raw(",\"value\":{\"doubleValue\":");
      real(a.d);
      break;
    case AttrType::Bool: raw(a.b ? ",\"value\":{\"boolValue\":true" : ",\"value\":{\"boolValue\":false"); break;
    }
    raw("}}");
  }
  raw("]");
}

void begin_otlp_json_request(JsonWriter &w, const ResourceView &resource, std::string_view resource_items,
                             std::string_view scope_items, std::string_view items) {
  w.raw("{\"");
  w.raw(resource_items);
  w.raw("\":[{\"resource\":{");
  w.attributes(resource.attributes);
  w.raw("},\"");
  w.raw(scope_items);
  w.raw("\":[{\"scope\":{\"name\":");
  w.quoted(resource.scope_name);
  if (!resource.scope_version.empty()) {
    w.raw(",\"version\":");
    w.quoted(resource.scope_version);
  }
  w.raw("},\"");
  w.raw(items);
  w.raw("\":");
}

}  // namespace orch::rt
