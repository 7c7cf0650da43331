// Span timestamps. The hot path stores raw ticks: the TSC when it is invariant
// (one rdtsc, cheaper than clock_gettime: bench_span; docs/benchmarks.md,
// Runtime), else CLOCK_REALTIME nanoseconds. Ticks become Unix nanoseconds on the exporter
// thread, with a TSC rate calibrated against CLOCK_REALTIME over the life of
// the process (the longer the process runs, the better the estimate).
#pragma once

#include <atomic>
#include <cstdint>
#include <ctime>

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

#include "config/config.h"

namespace orch::rt {

namespace clock_detail {
inline bool g_use_tsc = false;  // fixed by TickClock::init before the first span
inline std::atomic<double> g_seconds_per_tick{1e-9};
}

// The length of a tick, for durations measured on the hot path (metrics):
// estimated when the runtime starts, refined by every calibration.
inline double tick_seconds() { return clock_detail::g_seconds_per_tick.load(std::memory_order_relaxed); }

inline uint64_t realtime_ns() {
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

// Out of line: inlined into the span entry points, its timespec would give
// them a stack frame they otherwise do not need.
__attribute__((noinline)) uint64_t realtime_ns_outlined();

inline uint64_t now_ticks() {
#if defined(__x86_64__)
  if (__builtin_expect(clock_detail::g_use_tsc, 1)) return __rdtsc();
#endif
  return realtime_ns_outlined();
}

class TickClock {
public:
  // Chooses the tick source and takes the calibration anchor. Call once,
  // before any span (not thread-safe with now_ticks users).
  static void init(ClockKind kind);
  static bool uses_tsc() { return clock_detail::g_use_tsc; }

  // Refreshes the TSC rate from the anchor to now, without waiting: every
  // tick converted afterwards was read before this sample, so converting it
  // interpolates between two brackets and errs by no more than they do,
  // however short the window. Exporter thread only.
  void calibrate();
  uint64_t to_unix_nano(uint64_t ticks) const;
  double seconds_per_tick() const { return ns_per_tick_ * 1e-9; }

private:
  struct Pair {
    uint64_t ticks;
    uint64_t ns;
  };
  static Pair sample();
  static inline Pair anchor_{};
  double ns_per_tick_ = 1.0;
};

}  // namespace orch::rt
