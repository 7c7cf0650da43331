// How ids are written: span ids as 8 bytes in network order, bytes as
// lower-case hex (trace context headers, the console exporter). Shared by
// core/ and export/; depends on neither.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace orch::rt {

inline uint64_t to_big_endian(uint64_t v) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return __builtin_bswap64(v);
#else
  return v;
#endif
}
// Span ids travel as 8 bytes in network order of the generated number: one
// swap and one store (a loop of byte stores was eight stores per span).
inline void span_id_bytes(uint64_t id, uint8_t out[8]) {
  const uint64_t big_endian = to_big_endian(id);
  std::memcpy(out, &big_endian, 8);
}
inline uint64_t span_id_value(const uint8_t in[8]) {
  uint64_t big_endian;
  std::memcpy(&big_endian, in, 8);
  return to_big_endian(big_endian);
}

// Lower-case hex of n bytes into out (2n chars, no NUL).
void hex_encode(const uint8_t *bytes, size_t n, char *out);
// Parses exactly 2n lower-case hex chars; false on any other character.
bool hex_decode_lower(const char *in, size_t n, uint8_t *bytes);

}  // namespace orch::rt
