// Outside orch.yaml's directory (an -I path, not a system header): skipped too.
#pragma once
inline int outside_loud(int a) {
  if (a > 100) throw a;
  return a;
}
inline int outside_quiet(int a) noexcept { return a - 1; }
inline int outside_plain(int a) { return a; }  // cannot throw, but not declared noexcept
