#include "clock.h"

#include <cpuid.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstring>

namespace orch::rt {

uint64_t realtime_ns_outlined() { return realtime_ns(); }
namespace {

// Invariant TSC (CPUID 0x80000007 EDX bit 8) and a kernel that still uses the
// TSC as its clocksource (it switches away when it finds the TSC unreliable).
bool tsc_is_trustworthy() {
#if defined(__x86_64__)
  unsigned a, b, c, d;
  if (!__get_cpuid(0x80000007, &a, &b, &c, &d) || !(d & (1u << 8))) return false;
  const int fd = open("/sys/devices/system/clocksource/clocksource0/current_clocksource", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char name[16] = {};
  const ssize_t n = read(fd, name, sizeof name - 1);
  close(fd);
  return n > 0 && std::strcmp(name, "tsc\n") == 0;
#else
  return false;
#endif
}

}  // namespace

void TickClock::init(ClockKind kind) {
  bool tsc = kind == ClockKind::Tsc || (kind == ClockKind::Auto && tsc_is_trustworthy());
#if !defined(__x86_64__)
  tsc = false;
#endif
  clock_detail::g_use_tsc = tsc;
  anchor_ = sample();
  if (!tsc) return clock_detail::g_seconds_per_tick.store(1e-9);
  // A first estimate of the tick length for the metrics' bucketing: the two
  // samples' brackets (tens of ns) over the window err by well under 1%, far
  // inside a histogram bucket (9%). The exporter's calibrations refine it.
  constexpr uint64_t kWindowNs = 20'000;
  Pair now;
  do now = sample(); while (now.ns - anchor_.ns < kWindowNs);
  if (now.ticks > anchor_.ticks)
    clock_detail::g_seconds_per_tick.store(1e-9 * static_cast<double>(now.ns - anchor_.ns) /
                                           static_cast<double>(now.ticks - anchor_.ticks));
}

TickClock::Pair TickClock::sample() {
  if (!uses_tsc()) {
    uint64_t ns = realtime_ns();
    return {ns, ns};
  }
  // The pair with the narrowest tick bracket around clock_gettime.
  Pair best{};
  uint64_t best_gap = UINT64_MAX;
  for (int i = 0; i < 5; ++i) {
    uint64_t t0 = now_ticks();
    uint64_t ns = realtime_ns();
    uint64_t t1 = now_ticks();
    if (t1 - t0 < best_gap) {
      best_gap = t1 - t0;
      best = {t0 + (t1 - t0) / 2, ns};
    }
  }
  return best;
}

void TickClock::calibrate() {
  if (!uses_tsc()) return;
  const Pair now = sample();
  if (now.ticks > anchor_.ticks && now.ns > anchor_.ns)
    ns_per_tick_ = static_cast<double>(now.ns - anchor_.ns) / static_cast<double>(now.ticks - anchor_.ticks);
  clock_detail::g_seconds_per_tick.store(ns_per_tick_ * 1e-9, std::memory_order_relaxed);
}

uint64_t TickClock::to_unix_nano(uint64_t ticks) const {
  if (!uses_tsc()) return ticks;
  double delta = static_cast<double>(static_cast<int64_t>(ticks - anchor_.ticks)) * ns_per_tick_;
  return anchor_.ns + static_cast<int64_t>(delta);
}

}  // namespace orch::rt
