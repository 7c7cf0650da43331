// Reading encoded OTLP requests in the protobuf encoder tests.
#pragma once

#include <string>
#include <string_view>

namespace orch::test {

// "0a 01 ff": the bytes as spaced lowercase hex.
inline std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    if (!out.empty()) out += ' ';
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

// The bytes of the one item (span, metric) of a request whose resource and
// scope are empty: request(0a LEN) resource_x{ resource(0a 00)
// scope_x(12 LEN){ scope(0a 00) item(12 LEN) } }.
inline std::string only_item_hex(std::string_view request) {
  size_t pos = 0;
  auto skip_len_prefix = [&] {  // tag + varint length
    ++pos;
    while (static_cast<unsigned char>(request[pos]) & 0x80) ++pos;
    ++pos;
  };
  skip_len_prefix();  // request.resource_x
  pos += 2;           // resource: 0a 00
  skip_len_prefix();  // scope_x
  pos += 2;           // scope: 0a 00
  skip_len_prefix();  // the item
  return hex(request.substr(pos));
}

}  // namespace orch::test
