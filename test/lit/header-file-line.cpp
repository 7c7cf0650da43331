// In an instrumented header function, __FILE__, __LINE__ and assert messages
// are the plain build's (the copy starts with #line naming the original as the
// unit spells it): the instrumented and plain programs print the same and fail
// the same assertion with the same message and status.
// RUN: env ORCH_CONFIG=%S/Inputs/headers/orch.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/headers/orch.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s
// RUN: test -f %t.gcc.orch/prog.o.orch/orch-headers/include/lib/util.h
#include "Inputs/headers/include/lib/util.h"

#include <cstdio>

int main() {
  std::printf("%s:%d\n", lib::file(), lib::line());
  std::fflush(stdout);
  lib::check(false);
}
// CHECK: {{.*}}Inputs/headers/include/lib/util.h:24
// CHECK-NEXT: exit=134
