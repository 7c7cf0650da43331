#include "core/ids.h"

#include <sys/random.h>
#include <time.h>
#include <unistd.h>

namespace orch::rt {
namespace {

uint64_t splitmix64(uint64_t &x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

void IdGenerator::seed() {
  uint64_t entropy = 0;
  if (getrandom(&entropy, sizeof entropy, GRND_NONBLOCK) != sizeof entropy) {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    entropy = static_cast<uint64_t>(ts.tv_nsec) ^ (static_cast<uint64_t>(ts.tv_sec) << 30) ^
              (static_cast<uint64_t>(getpid()) << 48) ^ reinterpret_cast<uintptr_t>(this);
  }
  // Any state is valid (wyrand visits all 2^64 of them); splitmix64 spreads a
  // weak fallback seed over every bit.
  state_ = splitmix64(entropy);
}

void hex_encode(const uint8_t *bytes, size_t n, char *out) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (size_t i = 0; i < n; ++i) {
    out[2 * i] = kDigits[bytes[i] >> 4];
    out[2 * i + 1] = kDigits[bytes[i] & 15];
  }
}

bool hex_decode_lower(const char *in, size_t n, uint8_t *bytes) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (size_t i = 0; i < n; ++i) {
    int hi = nibble(in[2 * i]), lo = nibble(in[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    bytes[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return true;
}

}  // namespace orch::rt
