// What one thread counts for one instrumented site: written by its thread
// only (relaxed stores, no read-modify-write), read by the exporter thread.
// Sampled spans are not here: the exporter counts them as it exports them
// (MetricsCollector::add_spans); these are the calls without a span.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "metrics/duration_buckets.h"

namespace orch::rt {

// A counter with one writer: an add is a load and a store, not a locked
// instruction; readers on other threads see a value that was current.
struct OwnedCounter {
  std::atomic<uint64_t> value{0};
  void add(uint64_t n) { value.store(value.load(std::memory_order_relaxed) + n, std::memory_order_relaxed); }
  uint64_t get() const { return value.load(std::memory_order_relaxed); }
};

// Durations in ticks (core/clock.h); bucketed by their value in seconds.
struct DurationCounts {
  OwnedCounter buckets[kDurationBuckets];
  OwnedCounter sum_ticks;  // weighted
  std::atomic<uint64_t> min_ticks{UINT64_MAX};
  std::atomic<uint64_t> max_ticks{0};

  // `weight` calls took about `ticks` each (see ThreadMetrics on timed calls).
  void add(int bucket, uint64_t ticks, uint64_t weight) {
    buckets[bucket].add(weight);
    sum_ticks.add(ticks * weight);
    if (ticks < min_ticks.load(std::memory_order_relaxed)) min_ticks.store(ticks, std::memory_order_relaxed);
    if (ticks > max_ticks.load(std::memory_order_relaxed)) max_ticks.store(ticks, std::memory_order_relaxed);
  }
  void reset() {
    for (OwnedCounter &b : buckets) b.value.store(0, std::memory_order_relaxed);
    sum_ticks.value.store(0, std::memory_order_relaxed);
    min_ticks.store(UINT64_MAX, std::memory_order_relaxed);
    max_ticks.store(0, std::memory_order_relaxed);
  }
};

// error.type of a failure of unknown kind (semantic conventions).
inline constexpr const char *kOtherErrorType = "_OTHER";

// Calls that failed with one error.type.
struct ErrorSeries {
  std::string error_type;  // a mangled type name when `mangled`
  bool mangled = false;
  OwnedCounter errors;
  DurationCounts durations;
  std::atomic<ErrorSeries *> next{nullptr};
};

struct SiteCell {
  OwnedCounter calls;
  // Sampled-out calls are timed one in about N (ThreadMetrics): the next
  // timed call is `countdown` calls away, and `untimed` calls went by since
  // the last one. Owner-only.
  uint32_t countdown = 1;
  uint32_t untimed = 0;
  // The span budget (ThreadMetrics::take_span), owner-only: spans the site
  // may start now, when they were last earned, the calls folded into the
  // metrics since its last span, and at which of those to look at the clock.
  uint32_t spans_left = 0;
  uint64_t budget_refilled = 0;
  uint64_t folded = 0;
  uint64_t budget_next_look = 0;
  DurationCounts durations;  // calls that did not fail
  std::atomic<ErrorSeries *> errors{nullptr};  // a list; appended by the owner only
};

}  // namespace orch::rt
