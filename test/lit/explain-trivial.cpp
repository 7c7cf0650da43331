// `orch explain` says which instrumented functions are trivial (at most one
// statement and no call: the span would cost more than the body) and how to
// spare them; a function with a call, or with two statements, is not.
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s
#include <string>

struct Point {
  int x;
  int get_x() const { return x; }
};
int twice(int v) { return 2 * v; }
int calls_one(int v) { return twice(v); }
int two_statements(int v) { int w = v + 1; return w; }
std::string makes_a_string() { return "built"; }

int main() { return Point{1}.get_x() + calls_one(1) + two_statements(1) + static_cast<int>(makes_a_string().size()); }

// CHECK: Point::get_x (method): instrumented by aspect 'all'
// CHECK-NEXT: note: trivial (at most one statement, no call): its span costs more than its body; `min-statements: 2` on the join point, or the `metrics-only` advice, would spare it
// CHECK: twice (function): instrumented by aspect 'all'
// CHECK-NEXT: note: trivial
// CHECK: calls_one (function): instrumented by aspect 'all'
// CHECK-NOT: note: trivial
// CHECK: two_statements (function): instrumented by aspect 'all'
// CHECK-NOT: note: trivial
// CHECK: makes_a_string (function): instrumented by aspect 'all'
// CHECK-NOT: note: trivial
// CHECK: main (function)
// CHECK: 2 of them trivial: see their notes
