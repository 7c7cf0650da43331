// __LINE__, __FILE__, __func__ and a failing assert's message from inside
// instrumented functions are those of the plain build (check-same compares
// stdout, stderr with the assert message, and the exit status of the abort).
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT -DFILE=%s
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT -DFILE=%s
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %cxx %s %t.ok -std=c++17 -DNO_ASSERT | FileCheck %s --check-prefix=OK -DFILE=%s
// RUN: cat %t.gcc.orch/stderr | FileCheck %s --check-prefix=ASSERT
#include <cassert>
#include <cstdio>

int where() { return __LINE__; }
const char *file() { return __FILE__; }

int check(int x) {
  std::printf("%s:%d %s\n", file(), where(), __func__);
  std::fflush(stdout);
#ifndef NO_ASSERT
  assert(x > 100 && "x must be large");
#endif
  return x;
}

int main() { return check(1) == 1 ? 0 : 2; }
// OUT: [[FILE]]:11 check
// OUT-NEXT: exit=134
// OK: [[FILE]]:11 check
// OK-NEXT: exit=0
// ASSERT: line-fidelity.cpp:18: int check(int): Assertion `x > 100 && "x must be large"' failed.
