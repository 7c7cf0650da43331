// A program whose call counts are known exactly (see known_counts.h): the BPF
// verifier test probes it and compares. Built with -O2 so that the compiler's
// tail calls, .cold parts and inlining are the real ones.
#include <cstdio>
#include <stdexcept>
#include <thread>
#include <vector>

#include "known_counts.h"

extern "C" int c_sum(int a, int b);
int shared_square(int x);

// Keeps the compiler from turning a call into a loop or folding it away.
#define KEEP() asm volatile("" ::: "memory")

__attribute__((noinline)) int recurse(int n) {
  if (n == 0)
    return 0;
  int below = recurse(n - 1);
  KEEP(); // work after the call: no tail-recursion elimination
  return below + 1;
}

__attribute__((noinline)) void worker_step(int i) {
  KEEP();
  (void)i;
}

__attribute__((noinline)) void maybe_throw(int i) {
  KEEP();
  if (i % 2 == 1)
    throw std::runtime_error("odd");
}

struct Guard {
  ~Guard() { KEEP(); }
};

// Exceptions from maybe_throw unwind through this frame too.
__attribute__((noinline)) void pass_through(int i) {
  Guard guard;
  maybe_throw(i);
  KEEP();
}

__attribute__((noinline)) int tail_callee(int x) {
  KEEP();
  return x * 3;
}

__attribute__((noinline)) int tail_caller(int x) { return tail_callee(x + 1); }

__attribute__((noinline, cold)) void report_rare(int x) {
  KEEP();
  std::fprintf(stderr, "rare %d\n", x);
}

// The unlikely branch goes to the function's .cold part.
__attribute__((noinline)) int cold_path_user(int x) {
  if (__builtin_expect(x % 3 == 0, 0)) {
    report_rare(x);
    return -x;
  }
  KEEP();
  return x;
}

inline __attribute__((always_inline)) int always_inlined(int x) { return x + 1; }

int main() {
  using namespace known_counts;
  int sum = recurse(kRecursionDepth);

  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; t++)
    threads.emplace_back([] {
      for (int i = 0; i < kCallsPerThread; i++)
        worker_step(i);
    });
  for (auto &thread : threads)
    thread.join();

  for (int i = 0; i < kThrowAttempts; i++) {
    try {
      pass_through(i);
    } catch (const std::runtime_error &) {
      sum++;
    }
  }
  for (int i = 0; i < kCSumCalls; i++)
    sum = c_sum(sum, i);
  for (int i = 0; i < kSharedCalls; i++)
    sum += shared_square(i);
  for (int i = 0; i < kTailCalls; i++)
    sum += tail_caller(i);
  for (int i = 0; i < kColdCalls; i++)
    sum += cold_path_user(i);
  for (int i = 0; i < kInlinedCalls; i++)
    sum += always_inlined(i);
  std::printf("%d\n", sum);
  return 0;
}
