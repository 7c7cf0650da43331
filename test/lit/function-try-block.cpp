// A function-try-block's handlers decide what leaves the function: the span
// encloses them (the function-try-block becomes a try statement in a body), so
// a handled exception leaves status unset and the handler's return value is
// recorded; a rethrow, or a constructor's implicit one, is an ERROR.
// RUN: env ORCH_CONFIG=%S/Inputs/record-everything.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/record-everything.yaml %check-tree %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=TREE
// RUN: env ORCH_CONFIG=%S/Inputs/record-everything.yaml %check-tree %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=TREE
#include <cstdio>
#include <stdexcept>

// CHECK: int handled(int x) { {{.*}}ScopedSpan __orch_span_12_24({{.*}}try { try {
int handled(int x) try { if (x) throw std::runtime_error("boom"); return x; } catch (const std::exception &) { return -1; }
// CHECK-SAME: } catch (const std::exception &) { return __orch_span_12_24.ret("orch.return.value", (-1)); } } catch (...) { __orch_span_12_24.record_exception(); throw; } }{{$}}

int rethrown(int x) try {
  if (x) throw std::runtime_error("again");
  return x;
} catch (const std::exception &) {
  throw;
}

struct Widget {
  int v;
  // The constructor's handler always rethrows: the span stays inside.
  // CHECK: explicit Widget(int x) try : v(x) { {{.*}}ScopedSpan
  explicit Widget(int x) try : v(x) { if (x < 0) throw std::invalid_argument("negative"); } catch (...) {}
};

int main() {
  std::printf("%d\n", handled(1));
  try {
    rethrown(1);
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
  try {
    Widget w(-1);
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
}
// TREE:      -1
// TREE-NEXT: caught again
// TREE-NEXT: caught negative
// TREE-NEXT: trace
// TREE-NEXT:   main
// TREE-NEXT:     handled arg.x=1 orch.return.value=-1{{$}}
// TREE-NEXT:     rethrown arg.x=1 ERROR
// TREE-NEXT:     Widget arg.x=-1 ERROR
