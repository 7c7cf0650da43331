#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>

#include "clock.h"

namespace orch::rt {
namespace {

// The exporter calibrates before every batch: at the exit of a program that ran
// for a millisecond, the window since the anchor is that short.
TEST(TickClock, CalibrationRightAfterStartDoesNotWaitAndConvertsWithinMicroseconds) {
  TickClock::init(ClockKind::Auto);
  const uint64_t ticks = now_ticks();
  const uint64_t wall = realtime_ns();
  TickClock clock;
  const auto before = std::chrono::steady_clock::now();
  clock.calibrate();
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::milliseconds(1));
  const auto converted = static_cast<int64_t>(clock.to_unix_nano(ticks));
  EXPECT_NEAR(static_cast<double>(converted), static_cast<double>(wall), 20'000.0);
}

}  // namespace
}  // namespace orch::rt
