// Lambdas are instrumented like functions (name ENCLOSING::lambda@LINE), except
// where they may be evaluated at compile time: written `constexpr`, in the
// initializer of a constexpr variable, inside a constexpr function, in a
// static_assert. Those stay usable in constant expressions.
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>

// CHECK: {{^}}constexpr int k = [] { return 6; }();{{$}}
constexpr int k = [] { return 6; }();
static_assert(k == 6, "");
// CHECK: {{^}}constexpr int in_constexpr(int x) { return [x] { return x + 1; }(); }{{$}}
constexpr int in_constexpr(int x) { return [x] { return x + 1; }(); }
static_assert(in_constexpr(1) == 2, "");
// CHECK: {{^}}static_assert([] { return true; }(), "");{{$}}
static_assert([] { return true; }(), "");

int main() {
  // CHECK: auto add = [](int a, int b) { static ::orch_site {{.*}}"main::lambda@[[@LINE+1]]"
  auto add = [](int a, int b) { return a + b; };
  // CHECK: {{^}}  auto sq = [](int a) constexpr { return a * a; };{{$}}
  auto sq = [](int a) constexpr { return a * a; };
  int total = 0;
  // CHECK: auto acc = [&total](int v) mutable { static ::orch_site {{.*}}"main::lambda@[[@LINE+1]]"
  auto acc = [&total](int v) mutable { total += v; };
  acc(add(1, 2));
  acc(sq(3));
  std::printf("%d %d\n", total, k + in_constexpr(2));
}

// EXPLAIN: lambda@{{[0-9]+}} (lambda): not instrumented
// EXPLAIN-NEXT: never instrumented: lambda in a constant-evaluated context
// EXPLAIN: in_constexpr (function): not instrumented
// EXPLAIN: in_constexpr::lambda@{{[0-9]+}} (lambda): not instrumented
// EXPLAIN-NEXT: never instrumented: lambda in a constant-evaluated context
// EXPLAIN: main::lambda@{{[0-9]+}} (lambda): instrumented by aspect 'all'
// EXPLAIN: main::lambda@{{[0-9]+}} (lambda): not instrumented
// EXPLAIN-NEXT: never instrumented: constexpr
// EXPLAIN: main::lambda@{{[0-9]+}} (lambda): instrumented by aspect 'all'
// OUT: 12 9
// OUT-NEXT: exit=0
