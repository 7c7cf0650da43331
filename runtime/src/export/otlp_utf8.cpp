#include "otlp_utf8.h"

#include <cstdint>
#include <cstring>

namespace orch::rt {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD
constexpr size_t kReplacementSize = 3;

// Length of the well-formed sequence starting at s[i], or 0 if it is not one
// (Unicode Table 3-7, "Well-Formed UTF-8 Byte Sequences").
size_t sequence_length(const unsigned char *s, size_t n, size_t i) {
  const unsigned char c = s[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i + k < n && s[i + k] >= lo && s[i + k] <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// Index of the first byte that is not plain ASCII, checking 8 bytes at a time.
size_t ascii_prefix(const unsigned char *s, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, s + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
  while (i < n && s[i] < 0x80) ++i;
  return i;
}

}  // namespace

bool utf8_valid(std::string_view sv) {
  auto *s = reinterpret_cast<const unsigned char *>(sv.data());
  const size_t n = sv.size();
  for (size_t i = ascii_prefix(s, n); i < n;) {
    const size_t len = sequence_length(s, n, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

size_t utf8_sanitized_size(std::string_view sv) {
  auto *s = reinterpret_cast<const unsigned char *>(sv.data());
  const size_t n = sv.size();
  size_t size = 0;
  for (size_t i = ascii_prefix(s, n); i < n;) {
    const size_t len = sequence_length(s, n, i);
    // An invalid byte is replaced on its own; resynchronise on the next byte.
    size += len ? 0 : kReplacementSize - 1;
    i += len ? len : 1;
  }
  return n + size;
}

char *utf8_sanitize_to(std::string_view sv, char *out) {
  auto *s = reinterpret_cast<const unsigned char *>(sv.data());
  const size_t n = sv.size();
  size_t done = ascii_prefix(s, n);
  std::memcpy(out, sv.data(), done);
  out += done;
  for (size_t i = done; i < n;) {
    const size_t len = sequence_length(s, n, i);
    if (len) {
      std::memcpy(out, sv.data() + i, len);
      out += len;
      i += len;
    } else {
      std::memcpy(out, kReplacement, kReplacementSize);
      out += kReplacementSize;
      i += 1;
    }
  }
  return out;
}

}  // namespace orch::rt
