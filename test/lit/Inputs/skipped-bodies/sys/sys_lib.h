// A library on -isystem: orch's parse skips the bodies of its functions.
#pragma once
#include <stdexcept>

inline int sys_quiet(int a) noexcept { return a + 1; }
inline int sys_loud(int a) {
  if (a < 0) throw std::invalid_argument("negative");
  return a;
}
template <class T> T sys_twice(T v) { return v + v; }
template <class T> T sys_twice_nothrow(T v) noexcept(noexcept(v + v)) { return v + v; }
struct SysGrumpy {
  ~SysGrumpy() noexcept(false) {}
  int v = 1;
};
// Never skipped (Sema needs them): a constexpr body gives the unit constants,
// a deduced return type comes from the body.
constexpr int sys_square(int x) { return x * x; }
inline auto sys_deduced(int a) { return a * 3; }
