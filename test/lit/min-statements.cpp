// `min-statements: 3` skips trivial bodies. Statements are counted through
// nested blocks (a block itself does not count) and not into lambdas.
// RUN: env ORCH_CONFIG=%S/Inputs/min-statements.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/min-statements.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/min-statements.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/min-statements.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>

// CHECK: {{^}}int one(int x) { return x; }{{$}}
int one(int x) { return x; }
// two statements: the declaration and the return
// CHECK: {{^}}int two(int x) { int y = x + 1; return y; }{{$}}
int two(int x) { int y = x + 1; return y; }
// if + nested return + return = 3
// CHECK: int three(int x) { static ::orch_site {{.*}}"three"
int three(int x) { if (x > 10) { return 10; } return x; }
// a lambda's statements belong to the lambda: lam has 1 (the return), the lambda 3
// CHECK: {{^}}int lam(int x) { return [x] { static ::orch_site {{.*}}"lam::lambda@[[@LINE+1]]"
int lam(int x) { return [x] { int a = x; int b = a; return b; }(); }

int main() { std::printf("%d\n", one(1) + two(1) + three(3) + lam(4)); }

// EXPLAIN: one (function): not instrumented
// EXPLAIN-NEXT: aspect 'big': 1 statement(s), fewer than min-statements 3
// EXPLAIN: two (function): not instrumented
// EXPLAIN-NEXT: aspect 'big': 2 statement(s), fewer than min-statements 3
// EXPLAIN: three (function): instrumented by aspect 'big'
// EXPLAIN: lam (function): not instrumented
// EXPLAIN-NEXT: aspect 'big': 1 statement(s), fewer than min-statements 3
// EXPLAIN: lam::lambda@{{[0-9]+}} (lambda): instrumented by aspect 'big'
// EXPLAIN: 2 of 6 functions instrumented
// OUT: 10
// OUT-NEXT: exit=0
