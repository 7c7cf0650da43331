// How often the known-counts program calls each of its functions: the program
// and the test asserting the probes' counts share these numbers.
#pragma once

namespace known_counts {
constexpr int kRecursionDepth = 100;   // recurse(100) .. recurse(0): deeper than 64
constexpr int kThreads = 4;
constexpr int kCallsPerThread = 1000;  // worker_step, from every thread
constexpr int kThrowAttempts = 10;     // pass_through -> maybe_throw; every odd attempt throws
constexpr int kCSumCalls = 7;
constexpr int kSharedCalls = 9;
constexpr int kTailCalls = 5;          // tail_caller jumps to tail_callee
constexpr int kColdCalls = 6;          // cold_path_user; every third takes its .cold part
constexpr int kInlinedCalls = 3;       // always_inlined: no symbol left
} // namespace known_counts
