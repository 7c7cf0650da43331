// `kind:` selects by kind of function: the first aspect takes constructors,
// destructors and lambdas, the second methods (named "method NAME"); free
// functions (helper, main) are left alone. One aspect per function: the first
// that matches.
// RUN: env ORCH_CONFIG=%S/Inputs/kind.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/kind.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/kind.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/kind.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>

struct Res {
  // CHECK: Res(int v) : v_(v) { static ::orch_site {{.*}}"Res::Res"{{.*}}ScopedSpan{{.*}} std::printf("open %d\n", v_); {{.*}} }
  Res(int v) : v_(v) { std::printf("open %d\n", v_); }
  // destructors are noexcept: no try/catch
  // CHECK: ~Res() { static ::orch_site {{.*}}"Res::~Res"{{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  std::printf("close %d\n", v_); }
  ~Res() { std::printf("close %d\n", v_); }
  // CHECK: int get() const { static ::orch_site {{.*}} = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "method get", "Res::get",
  int get() const { return v_; }
  int v_;
};

// CHECK: {{^}}int helper(int x) { return x * 2; }{{$}}
int helper(int x) { return x * 2; }

int main() {
  Res r(3);
  // CHECK: auto twice = [](int x) { static ::orch_site {{.*}}"main::lambda@[[@LINE+1]]"
  auto twice = [](int x) { return helper(x); };
  std::printf("%d\n", twice(r.get()));
}

// EXPLAIN: Res::Res (constructor): instrumented by aspect 'lifecycle'
// EXPLAIN: Res::~Res (destructor): instrumented by aspect 'lifecycle'
// EXPLAIN: Res::get (method): instrumented by aspect 'methods'
// EXPLAIN: helper (function): not instrumented
// EXPLAIN-NEXT: aspect 'lifecycle': kind 'function' is not selected
// EXPLAIN-NEXT: aspect 'methods': kind 'function' is not selected
// EXPLAIN: main (function): not instrumented
// EXPLAIN: main::lambda@{{[0-9]+}} (lambda): instrumented by aspect 'lifecycle'
// EXPLAIN: 4 of 6 functions instrumented
// OUT: open 3
// OUT-NEXT: 6
// OUT-NEXT: close 3
// OUT-NEXT: exit=0
