// What orch-probe-cost probes: an empty function called in a timed loop, and
// many small functions to attach to in bulk. Prints the loop's nanoseconds.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#define KEEP() asm volatile("" ::: "memory")

// nop, then ret: an entry probe and an exit probe on different instructions,
// as in any real function.
extern "C" __attribute__((noinline)) void empty_function() { asm volatile("nop"); }

// many_0 .. many_511: targets for measuring attach and detach time.
#define MANY(n) extern "C" __attribute__((noinline, used)) int many_##n(int x) { KEEP(); return x + n; }
#define MANY8(n) MANY(n##0) MANY(n##1) MANY(n##2) MANY(n##3) MANY(n##4) MANY(n##5) MANY(n##6) MANY(n##7)
#define MANY64(n) MANY8(n##0) MANY8(n##1) MANY8(n##2) MANY8(n##3) MANY8(n##4) MANY8(n##5) MANY8(n##6) MANY8(n##7)
MANY64(1) MANY64(2) MANY64(3) MANY64(4) MANY64(5) MANY64(6) MANY64(7) MANY64(8)

int main(int argc, char **argv) {
  long calls = argc > 1 ? std::atol(argv[1]) : 1000000;
  auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < calls; i++)
    empty_function();
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
  std::printf("%lld\n", static_cast<long long>(ns));
  return 0;
}
