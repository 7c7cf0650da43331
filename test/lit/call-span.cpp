// A span on calls (function-call join point): free, qualified, member (object,
// pointer, implicit this) calls; arguments and return values recorded; each
// argument evaluated once and in the compiler's own order; nested calls are
// siblings (arguments are evaluated before the call's span starts); references,
// move-only results, void, [[nodiscard]], noexcept, default arguments, calls in
// conditions, for headers, member initialisers, lambdas and templates; calls in
// a macro's argument are woven, calls written by a macro's body are not; calls
// in constant expressions and under `// orch:ignore` are left alone. Built with
// -Wall -Wextra -Werror: the rewrite adds no warning.
// RUN: env ORCH_CONFIG=%S/Inputs/calls.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/calls.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/calls.yaml %check-same %cxx %s %t.gcc -std=c++17 -Wall -Wextra -Werror | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/calls.yaml %check-same %clangxx %s %t.clang -std=c++17 -Wall -Wextra -Werror | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/calls.yaml %check-run %cxx %s %t.run -std=c++17 | FileCheck %s --check-prefix=SPANS
// RUN: env ORCH_CONFIG=%S/Inputs/calls.yaml %check-run %clangxx %s %t.crun -std=c++17 | grep -A1 "^  Box.twice" | FileCheck %s --check-prefix=NESTED
// RUN: env ORCH_CONFIG=%S/Inputs/calls.yaml %check-run %clangxx %s %t.crun -std=c++17 | grep -c "^  call lib::add " | FileCheck %s --check-prefix=ADDS
#include <cstdio>
#include <memory>
#include <string>
#include <utility>

namespace lib {
int add(int a, int b) { return a + b; }
int scaled(int a, int factor = 10) { return a * factor; }
int &pick(int &x) { return x; }
std::unique_ptr<int> make(int v) { return std::unique_ptr<int>(new int(v)); }
void note(const char *what) { std::printf("note %s\n", what); }
[[nodiscard]] int must_use(int v) { return v + 1; }
int quiet(int v) noexcept { return v; }
constexpr int cx(int v) { return v * 2; }
int thrower(int v) { if (v < 0) throw std::string("negative"); return v; }
}  // namespace lib

struct Box {
  int v = 0;
  explicit Box(int x) : v(lib::add(x, 1)) {}
  int get() const { return v; }
  int twice() const { return get() * 2; }
};

template <class T> T twice_of(T t) { return lib::add(1, 1) * t; }

#define TWICE(x) ((x) * 2)
#define ADD_ONE_TWO lib::add(1, 2)

int next_value() { static int n = 0; return ++n; }

int main() {
  // CHECK: int total = ([&](int __orch_a0, int __orch_a1) -> int { static ::orch_site __orch_site_[[@LINE+1]]_15 = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "call lib::add", "main", "{{.*}}call-span.cpp", [[@LINE+1]]u, 0u, ORCH_W_NULL, ORCH_W_NULL, ORCH_SITE_CALL}; ::orch::weave::ScopedSpan __orch_span_[[@LINE+1]]_15(&__orch_site_[[@LINE+1]]_15); __orch_span_[[@LINE+1]]_15.attr("arg.a", __orch_a0); __orch_span_[[@LINE+1]]_15.attr("arg.b", __orch_a1); try { auto __orch_r = lib::add(static_cast<int &&>(__orch_a0), static_cast<int &&>(__orch_a1)); __orch_span_[[@LINE+1]]_15.attr("orch.return.value", __orch_r); return __orch_r; } catch (...) { __orch_span_[[@LINE+1]]_15.record_exception(); throw; } })(1, 2);
  int total = lib::add(1, 2);
  total += lib::add(lib::add(1, 2), 3);
  if (lib::add(total, 0) > 5) total += lib::scaled(1);
  for (int i = lib::add(0, 0); i < lib::add(1, 1); ++i) total += i;
  int x = 0;
  lib::pick(x) = 7;
  std::unique_ptr<int> p = lib::make(total);
  lib::note("hello");
  int used = lib::must_use(1);
  // CHECK: int q = ([&](int __orch_a0) noexcept -> int {{.*}} auto __orch_r = lib::quiet(static_cast<int &&>(__orch_a0)); {{[^}]*}}return __orch_r; })(3);
  int q = lib::quiet(3);
  // CHECK: constexpr int k = lib::cx(4);
  // CHECK-NEXT: static_assert(lib::cx(1) == 2, "cx");
  // CHECK-NEXT: int arr[lib::cx(2)] = {};
  constexpr int k = lib::cx(4);
  static_assert(lib::cx(1) == 2, "cx");
  int arr[lib::cx(2)] = {};
  Box b(3);
  const Box *pb = &b;
  // CHECK: ([&](auto &&__orch_o) -> decltype(auto) { {{.*}}"Box.twice from main"{{.*}} return static_cast<decltype(__orch_o) &&>(__orch_o)->twice(); })(pb)
  total += b.get() + pb->twice() + twice_of(2) + TWICE(lib::add(2, 2)) + ADD_ONE_TWO;
  auto lambda = [&] { return lib::add(x, 1); };
  total += lambda();
  // CHECK: // orch:ignore
  // CHECK-NEXT: total += lib::add(100, 0);
  // orch:ignore
  total += lib::add(100, 0);
  try { lib::thrower(-1); } catch (const std::string &e) { std::printf("caught %s\n", e.c_str()); }
  std::printf("%d %d %d %d %d %d %d %d\n", total, x, *p, used, q, k, (int)sizeof arr, lib::add(next_value(), next_value() * 10));
  return 0;
}

// EXPLAIN: call-span.cpp:{{[0-9]+}}:27: Box::Box -> lib::add (call): instrumented by aspect 'lib-calls'
// EXPLAIN: call-span.cpp:{{[0-9]+}}:30: Box::twice -> Box::get (call): instrumented by aspect 'box-calls'
// EXPLAIN-NEXT: aspect 'lib-calls': callee 'Box::get' does not match 'lib::*'
// EXPLAIN: twice_of -> lib::add (call): instrumented by aspect 'lib-calls'
// EXPLAIN: main -> lib::pick (call): instrumented by aspect 'lib-calls'
// EXPLAIN-NEXT: note: record-return: the return value of type 'int &' is not recorded (a cheap scalar is needed)
// EXPLAIN: main -> lib::make (call): instrumented by aspect 'lib-calls'
// EXPLAIN-NEXT: note: record-return: the return value of type 'std::unique_ptr<int>' is not recorded (a cheap scalar is needed)
// EXPLAIN: main -> lib::note (call): instrumented by aspect 'lib-calls'
// EXPLAIN-NOT: note
// EXPLAIN: main -> Box::Box (call): not instrumented
// EXPLAIN-NEXT: aspect 'lib-calls': callee 'Box::Box' does not match 'lib::*'
// EXPLAIN-NEXT: aspect 'box-calls': call kind 'constructor' is not selected
// EXPLAIN: main -> lib::add (call): instrumented by aspect 'lib-calls'
// EXPLAIN-NEXT: main -> lib::add (call): not instrumented
// EXPLAIN-NEXT: aspect 'lib-calls' matches, but not instrumented: the callee is written by a macro's body
// EXPLAIN: main::lambda@{{[0-9]+}} -> lib::add (call): instrumented by aspect 'lib-calls'
// EXPLAIN: 0 of 16 functions instrumented
// EXPLAIN-NEXT: 21 of 34 calls instrumented

// OUT: note hello
// OUT-NEXT: caught negative
// OUT-NEXT: 155 7 20 2 3 8 16 {{12|21}}
// OUT-NEXT: exit=0

// SPANS-DAG: {{^}}  call lib::add {{.*}} arg.a=1  arg.b=2  orch.return.value=3  ({{.*}}call-span.cpp:
// SPANS-DAG: {{^}}  call lib::add {{.*}} arg.a=3  arg.b=3  orch.return.value=6  (
// SPANS-DAG: {{^}}  call lib::scaled {{.*}} arg.a=1  orch.return.value=10  (
// SPANS-DAG: {{^}}  call lib::pick {{.*}} arg.x=0  (
// SPANS-DAG: {{^}}  call lib::make {{.*}} arg.v=20  (
// SPANS-DAG: {{^}}  call lib::note {{.*}} arg.what="hello"  (
// SPANS-DAG: {{^}}  call lib::add {{.*}} arg.a=3  arg.b=1  orch.return.value=4  (
// SPANS-DAG: {{^}}  call lib::add {{.*}} arg.a=2  arg.b=2  orch.return.value=4  (
// SPANS-DAG: {{^}}  call lib::add {{.*}} arg.a=7  arg.b=1  orch.return.value=8  (
// SPANS-DAG: {{^}}  call lib::thrower {{.*}} arg.v=-1  ({{.*}})  ERROR
// SPANS-DAG: {{^}}  Box.get from main {{.*}}
// SPANS-NOT: arg.a=100

// NESTED: {{^}}  Box.twice from main
// NESTED-NEXT: {{^}}    Box.get from Box::twice

// Every lib::add call but the one under orch:ignore and the one in ADD_ONE_TWO's body.
// ADDS: 13
