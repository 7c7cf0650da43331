// Functions orch never instruments whatever the aspects say (here: every
// function): constexpr (still usable in static_assert), consteval, defaulted,
// deleted, naked, no_instrument_function; implicit functions are not even
// candidates. `orch explain` gives the reason for each. An ordinary function
// next to them is instrumented.
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch diff --full %s -- %cxx -std=c++20 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch explain %s -- %cxx -std=c++20 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %cxx %s %t.gcc -std=c++20 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %clangxx %s %t.clang -std=c++20 | FileCheck %s --check-prefix=OUT
#include <cstdio>

// CHECK: {{^}}constexpr int square(int x) { return x * x; }{{$}}
constexpr int square(int x) { return x * x; }
static_assert(square(4) == 16);
// CHECK: {{^}}consteval int cube(int x) { return x * x * x; }{{$}}
consteval int cube(int x) { return x * x * x; }
struct Point {
  int x = 1, y = 2;
  // CHECK: {{^}}  Point() = default;{{$}}
  Point() = default;
  // CHECK: {{^}}  constexpr int sum() const { return x + y; }{{$}}
  constexpr int sum() const { return x + y; }
  Point(const Point &) = delete;
};
bool operator==(const Point &, const Point &) = delete;
// CHECK: {{^}}extern "C" __attribute__((naked)) void naked_fn() { __asm__("ret"); }{{$}}
extern "C" __attribute__((naked)) void naked_fn() { __asm__("ret"); }
// CHECK: {{^}}__attribute__((no_instrument_function)) int quiet() { return 5; }{{$}}
__attribute__((no_instrument_function)) int quiet() { return 5; }
// CHECK: int ordinary() { static ::orch_site {{.*}}"ordinary"
int ordinary() { return square(2) + cube(2) + Point().sum() + quiet(); }

int main() {
  naked_fn();
  std::printf("%d\n", ordinary());
}

// EXPLAIN: square (function): not instrumented
// EXPLAIN-NEXT: never instrumented: constexpr (must stay usable in constant expressions)
// EXPLAIN: cube (function): not instrumented
// EXPLAIN-NEXT: never instrumented: consteval
// EXPLAIN: Point::Point (constructor): not instrumented
// EXPLAIN-NEXT: never instrumented: defaulted or deleted
// EXPLAIN: Point::sum (method): not instrumented
// EXPLAIN-NEXT: never instrumented: constexpr
// EXPLAIN: naked_fn (function): not instrumented
// EXPLAIN-NEXT: never instrumented: naked
// EXPLAIN: quiet (function): not instrumented
// EXPLAIN-NEXT: never instrumented: no_instrument_function attribute
// EXPLAIN: ordinary (function): instrumented by aspect 'all'
// EXPLAIN: main (function): instrumented by aspect 'all'
// EXPLAIN-NOT: Point::operator=
// EXPLAIN-NOT: Point::~Point
// EXPLAIN: 2 of {{[0-9]+}} functions instrumented
// OUT: 20
// OUT-NEXT: exit=0
