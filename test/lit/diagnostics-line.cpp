// Compiler diagnostics inside an instrumented body point at the original file
// and line (and column), with both compilers.
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml ORCH_STRICT=1 %orch %cxx -std=c++17 -Wall -c %s -o %t.gcc.o 2>&1 | FileCheck %s -DFILE=%s
// RUN: test -d %t.gcc.o.orch
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml ORCH_STRICT=1 %orch %clangxx -std=c++17 -Wall -c %s -o %t.clang.o 2>&1 | FileCheck %s -DFILE=%s
// RUN: test -d %t.clang.o.orch

int compute(int x) {
  // CHECK: [[FILE]]:[[@LINE+1]]:7: warning: unused variable 'unused'
  int unused = x * 2;
  return x;
}
// CHECK-NOT: orch
