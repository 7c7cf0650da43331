// record-exceptions (default true): the body is wrapped in try/catch that
// records and rethrows; `record-exceptions: false` adds no try; noexcept
// functions and destructors never get one. Exceptions pass through unchanged
// (same type, same message, caught by the caller), noexcept is unchanged.
// RUN: env ORCH_CONFIG=%S/Inputs/record-exceptions.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/record-exceptions.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/record-exceptions.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <stdexcept>

struct MyError { int code; };

// CHECK: int thrower(int x) { static ::orch_site {{[^;]*}}; ::orch::weave::ScopedSpan __orch_span_14_20(&__orch_site_14_20); try {  if (x > 1) throw std::runtime_error("too big"); return x;  } catch (...) { __orch_span_14_20.record_exception(); throw; } }
int thrower(int x) { if (x > 1) throw std::runtime_error("too big"); return x; }
// CHECK: int quiet_thrower(int x) { static ::orch_site {{[^;]*}}; ::orch::weave::ScopedSpan __orch_span_16_26(&__orch_site_16_26);  if (x) throw MyError{x}; return 0; }
int quiet_thrower(int x) { if (x) throw MyError{x}; return 0; }
// CHECK: int safe(int x) noexcept { static ::orch_site {{[^;]*}}; ::orch::weave::ScopedSpan __orch_span_18_26(&__orch_site_18_26);  return x + 1; }
int safe(int x) noexcept { return x + 1; }
// CHECK: int maybe(int x) noexcept(false) { static ::orch_site {{[^;]*}}; ::orch::weave::ScopedSpan __orch_span_20_34(&__orch_site_20_34); try {
int maybe(int x) noexcept(false) { if (x) throw 42; return 0; }
struct Guard {
  // CHECK: ~Guard() { static ::orch_site {{[^;]*}}; ::orch::weave::ScopedSpan __orch_span_23_12(&__orch_site_23_12);  std::puts("guard"); }
  ~Guard() { std::puts("guard"); }
};
static_assert(noexcept(safe(1)), "noexcept unchanged");
static_assert(!noexcept(thrower(1)), "noexcept unchanged");
static_assert(noexcept(Guard().~Guard()), "destructor still noexcept");

int main() {
  try { thrower(5); } catch (const std::runtime_error &e) { std::printf("runtime_error: %s\n", e.what()); }
  try { quiet_thrower(7); } catch (const MyError &e) { std::printf("MyError %d\n", e.code); }
  try { maybe(1); } catch (int v) { std::printf("int %d\n", v); }
  try { Guard g; thrower(9); } catch (const std::exception &e) { std::printf("through guard: %s\n", e.what()); }
  std::printf("%d %d\n", thrower(1), safe(1));
}
// OUT: runtime_error: too big
// OUT-NEXT: MyError 7
// OUT-NEXT: int 42
// OUT-NEXT: guard
// OUT-NEXT: through guard: too big
// OUT-NEXT: 1 2
// OUT-NEXT: exit=0
