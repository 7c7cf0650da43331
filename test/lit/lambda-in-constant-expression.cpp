// Regression (fixed): a lambda called where a constant expression is required is
// instrumented (the span's static variable makes it non-constexpr), so the
// rewritten unit no longer compiles. orch only recognises a constexpr variable
// initializer, a constexpr function and a static_assert; it misses a `const int`
// initializer used as a constant, an array bound, a template argument and
// `if constexpr`. Expected: these lambdas are left alone and the unit builds
// under ORCH_STRICT=1 with both compilers; the ordinary lambda in main is
// still instrumented.
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %cxx %s %t.gcc -std=c++20 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %clangxx %s %t.clang -std=c++20 | FileCheck %s --check-prefix=OUT
#include <array>
#include <cstdio>

const int n = [] { return 3; }();
static_assert(n == 3);
int table[([] { return 2; }())];
std::array<int, [] { return 4; }()> arr{};

template <bool B> int pick() {
  if constexpr ([] { return B; }()) return 1;
  else return 0;
}

int main() {
  auto plain = [] { return 5; };
  std::printf("%d %zu %zu %d %d\n", n, sizeof table / sizeof table[0], arr.size(), pick<true>(), plain());
}
// OUT: 3 2 4 1 5
// OUT-NEXT: exit=0
