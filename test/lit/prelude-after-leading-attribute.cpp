// Regression (fixed): when the first instrumented function starts with a C++11 attribute
// (`[[nodiscard]] int f()`), the prelude (#define ORCH_RUNTIME_PATH, #include
// weave.h, #line) is inserted between the attribute and the declaration: the
// attribute lands on the weave header's first declaration instead of f.
// g++ then silently drops the nodiscard warning, clang++ drops it and adds
// "'[[nodiscard]]' attribute ignored when applied to a typedef".
// Expected: the prelude goes before the attribute; `[[nodiscard]] int f()`
// stays one declaration and the diagnostics are the plain compiler's.
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml ORCH_STRICT=1 %orch %cxx -std=c++17 -c %s -o %t.gcc.o 2>&1 | FileCheck %s --check-prefix=GCC
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml ORCH_STRICT=1 %orch %clangxx -std=c++17 -c %s -o %t.clang.o 2>&1 | FileCheck %s --check-prefix=CLANG
#include <cstdio>

// CHECK: #include "{{.*}}orch/weave.h"
// CHECK-NEXT: #line [[@LINE+2]] "{{.*}}prelude-after-leading-attribute.cpp"
// CHECK-NEXT: {{^}}{{\[\[}}nodiscard]] int f() { static
[[nodiscard]] int f() { return 1; }

// GCC: prelude-after-leading-attribute.cpp:[[@LINE+3]]:{{[0-9]+}}: warning: ignoring return value of {{.*}}nodiscard
// CLANG-NOT: attribute ignored
// CLANG: prelude-after-leading-attribute.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: ignoring return value of function declared with 'nodiscard' attribute
void discard() { f(); }

int main() { std::printf("%d\n", f()); }
