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

}  // namespace orch::rt
