#include "shared.h"

__attribute__((noinline)) int shared_scale(int x) {
  asm volatile("" ::: "memory");
  return x * 3;
}

// The library's own calls of shared_scale: no call site of the program.
__attribute__((noinline)) int shared_scale_twice(int x) {
  int once = shared_scale(x);
  asm volatile("" ::: "memory");
  return shared_scale(once);
}
