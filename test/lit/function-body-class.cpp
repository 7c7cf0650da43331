// `class:` matches members of a class by plain name (Shape, in any namespace)
// or by qualified name (geo::Grid): methods defined in the class and out of
// line, constructors and destructors; free functions and members of other
// classes (geo::ShapeList, other::Grid) are not matched.
// RUN: env ORCH_CONFIG=%S/Inputs/class.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/class.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/class.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/class.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>

namespace geo {
struct Shape {
  // CHECK: Shape() { static ::orch_site {{.*}}"geo::Shape::Shape"
  Shape() { std::puts("ctor"); }
  int area() const;
};
// CHECK: int Shape::area() const { static ::orch_site {{.*}}"geo::Shape::area"
int Shape::area() const { return 6; }
struct ShapeList {
  // CHECK: {{^}}  int size() const { return 1; }{{$}}
  int size() const { return 1; }
};
struct Grid {
  // CHECK: int cells() const { static ::orch_site {{.*}}"geo::Grid::cells"
  int cells() const { return 9; }
};
// CHECK: {{^}}int free_function() { return 2; }{{$}}
int free_function() { return 2; }
}  // namespace geo
namespace other {
struct Grid {
  // CHECK: {{^}}  int cells() const { return 4; }{{$}}
  int cells() const { return 4; }
};
}  // namespace other

int main() {
  geo::Shape s;
  std::printf("%d\n", s.area() + geo::ShapeList().size() + geo::Grid().cells() + geo::free_function() + other::Grid().cells());
}

// EXPLAIN: geo::Shape::Shape (constructor): instrumented by aspect 'shapes'
// EXPLAIN: geo::Shape::area (method): instrumented by aspect 'shapes'
// EXPLAIN: geo::ShapeList::size (method): not instrumented
// EXPLAIN-NEXT: aspect 'shapes': class 'geo::ShapeList' does not match 'Shape'
// EXPLAIN-NEXT: aspect 'qualified-class': class 'geo::ShapeList' does not match 'geo::Grid'
// EXPLAIN: geo::Grid::cells (method): instrumented by aspect 'qualified-class'
// EXPLAIN: geo::free_function (function): not instrumented
// EXPLAIN-NEXT: aspect 'shapes': not a member of a class
// EXPLAIN: other::Grid::cells (method): not instrumented
// OUT: ctor
// OUT-NEXT: 22
// OUT-NEXT: exit=0
