#include "export/proto_writer.h"

namespace orch::rt {
namespace {

// Field numbers from opentelemetry-proto (common/v1/common.proto,
// resource/v1/resource.proto, and the envelope of proto_writer.h).
namespace field {
constexpr uint32_t kRequestResourceItems = 1;
constexpr uint32_t kResourceItemsResource = 1, kResourceItemsScopeItems = 2;
constexpr uint32_t kResourceAttributes = 1;
constexpr uint32_t kScopeItemsScope = 1;
constexpr uint32_t kScopeName = 1, kScopeVersion = 2;
constexpr uint32_t kKeyValueKey = 1, kKeyValueValue = 2;
constexpr uint32_t kAnyString = 1, kAnyBool = 2, kAnyInt = 3, kAnyDouble = 4;
}  // namespace field

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

// Like key_value_size, but scanning each string for UTF-8 once: attributes
// are most of a span's bytes.
void write_key_value(ProtoWriter &w, uint32_t field, const AttrView &a) {
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
  case AttrType::Double: w.double_field(field::kAnyDouble, a.d); break;
  }
}

size_t scope_size(const ResourceView &r) {
  return string_field_size(field::kScopeName, r.scope_name) +
         string_field_size(field::kScopeVersion, r.scope_version);
}

}  // namespace

size_t attributes_size(uint32_t field, std::span<const AttrView> attrs) {
  size_t size = 0;
  for (const AttrView &a : attrs) size += len_field_size(field, key_value_size(a));
  return size;
}

void ProtoWriter::attributes(uint32_t field, std::span<const AttrView> attrs) {
  for (const AttrView &a : attrs) write_key_value(*this, field, a);
}

ProtoWriter begin_otlp_request(std::string &buffer, const ResourceView &resource, size_t items_size) {
  const size_t resource_size = attributes_size(field::kResourceAttributes, resource.attributes);
  const size_t scope_items_size = len_field_size(field::kScopeItemsScope, scope_size(resource)) + items_size;
  const size_t resource_items_size = len_field_size(field::kResourceItemsResource, resource_size) +
                                     len_field_size(field::kResourceItemsScopeItems, scope_items_size);
  const size_t total = len_field_size(field::kRequestResourceItems, resource_items_size);

  // Grow only: resizing down and up again would clear the bytes each time.
  if (buffer.size() < total) buffer.resize(total);
  ProtoWriter w(buffer.data());
  w.open(field::kRequestResourceItems, resource_items_size);
  w.open(field::kResourceItemsResource, resource_size);
  w.attributes(field::kResourceAttributes, resource.attributes);
  w.open(field::kResourceItemsScopeItems, scope_items_size);
  w.open(field::kScopeItemsScope, scope_size(resource));
  w.string(field::kScopeName, resource.scope_name);
  w.string(field::kScopeVersion, resource.scope_version);
  return w;
}

}  // namespace orch::rt
