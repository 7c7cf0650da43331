// The callees here are called from instrumented call sites (in `traced`, see
// orch.yaml) and from code nothing instruments (`untraced`, the library):
// `orch verify` must count each call site's calls exactly, not the callee's.
// Callers use each result after the call, so that no call becomes a tail jump.
#include <cstdio>

#include "shared.h"

#define KEEP() asm volatile("" ::: "memory")

__attribute__((noinline)) int local_add(int x) {
  KEEP();
  return x + 1;
}

__attribute__((noinline)) int traced(int n) {
  int sum = 0;
  for (int i = 0; i < n; i++) {
    sum += local_add(i);
    KEEP();
  }
  for (int i = 0; i < 2 * n; i++) {
    sum += shared_scale(i);
    KEEP();
  }
  sum += local_add(sum);
  KEEP();
  return sum;
}

__attribute__((noinline)) int untraced(int n) {
  int sum = 0;
  for (int i = 0; i < n; i++) {
    sum += local_add(i) + shared_scale(i);
    KEEP();
  }
  return sum + shared_scale_twice(n);
}

int main() {
  int sum = traced(5) + untraced(7);
  std::printf("%d\n", sum);
  return 0;
}
