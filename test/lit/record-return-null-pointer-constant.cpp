// Regression (fixed): record-return on a function returning `const char *` rewrites
// `return 0;` (a null pointer constant) to `return SPAN.ret(key, (0));`, whose
// type is `const int &`: no longer convertible to a pointer, so the rewritten
// unit does not compile (ORCH_STRICT=1 fails; without it, a silent fallback to
// the uninstrumented source). Expected: the rewritten unit compiles (skip such
// returns, or convert to the return type first) and behaves the same.
// RUN: env ORCH_CONFIG=%S/Inputs/record-return.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/record-return.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>

const char *name_of(int x) {
  if (x == 1) return "one";
  return 0;
}

int main() { std::printf("%s %d\n", name_of(1), name_of(2) == nullptr); }
// OUT: one 1
// OUT-NEXT: exit=0
