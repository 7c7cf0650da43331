// With -fno-exceptions there is no try/catch (it would not compile); the span
// is still there. Also checks the unit compiles and runs with both compilers.
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch diff --full %s -- %cxx -std=c++17 -fno-exceptions -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %cxx %s %t.gcc -std=c++17 -fno-exceptions | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %clangxx %s %t.clang -std=c++17 -fno-exceptions | FileCheck %s --check-prefix=OUT
#include <cstdio>

// CHECK: int f(int x) { static ::orch_site {{[^;]*}}; ::orch::weave::ScopedSpan __orch_span_9_14(&__orch_site_9_14);  return x * 3; }
int f(int x) { return x * 3; }
// CHECK-NOT: try
int main() { std::printf("%d\n", f(4)); }
// OUT: 12
// OUT-NEXT: exit=0
