// Debug line tables of an instrumented unit (-g) name the original source file
// and its lines: addr2line on a function's address gives the line of its
// definition in this file; the line table has no .orch path.
// RUN: rm -rf %t && mkdir -p %t
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml ORCH_STRICT=1 %orch %cxx -std=c++17 -g -O0 -c %s -o %t/gcc.o && test -d %t/gcc.o.orch
// RUN: %cxx %t/gcc.o -o %t/gcc
// RUN: bash -c 'addr2line -e %t/gcc 0x$(nm %t/gcc | grep " T _Z6targeti$" | cut -d" " -f1)' | FileCheck %s -DFILE=%s
// RUN: llvm-dwarfdump-19 --debug-line %t/gcc.o | FileCheck %s --check-prefix=DWARF
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml ORCH_STRICT=1 %orch %clangxx -std=c++17 -g -O0 -c %s -o %t/clang.o && test -d %t/clang.o.orch
// RUN: %clangxx %t/clang.o -o %t/clang
// RUN: bash -c 'addr2line -e %t/clang 0x$(nm %t/clang | grep " T _Z6targeti$" | cut -d" " -f1)' | FileCheck %s -DFILE=%s
// RUN: llvm-dwarfdump-19 --debug-line %t/clang.o | FileCheck %s --check-prefix=DWARF

// CHECK: [[FILE]]:[[@LINE+1]]
int target(int x) {
  return x + 1;
}
int main() { return target(-1); }
// DWARF: debug-line.cpp
// DWARF-NOT: .orch/
