// A body no exception can leave gets no try/catch (compiling the handler is
// most of what an instrumented one-line function costs): no call that may
// throw, no throw, no throwing new or delete, dynamic_cast or typeid, no local
// whose destructor may throw. Lambda bodies inside do not count (their
// captures' copies do); calls left dependent in a template do. Calls through
// pointers count by their type, virtual calls by the declaration. A call to a
// function not declared noexcept whose definition is in the unit counts by
// that definition, followed the same way (recursion included).
// RUN: env ORCH_CONFIG=%S/Inputs/exception-flow.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/exception-flow.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/exception-flow.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <cstring>
#include <new>
#include <string>

int quiet(int a) noexcept { return a + 1; }
int loud(int a) { if (a < 0) throw a; return a; }
struct Grumpy { ~Grumpy() noexcept(false) {} };

// CHECK: int ef_arith(int a) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return a * 2 + (a > 3 ? 1 : 0); }
int ef_arith(int a) { return a * 2 + (a > 3 ? 1 : 0); }
// CHECK: int ef_noexcept_call(const char *s) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return quiet(static_cast<int>(std::strlen(s))); }
int ef_noexcept_call(const char *s) { return quiet(static_cast<int>(std::strlen(s))); }
// CHECK: int ef_nothrow_pointer(int (*f)(int) noexcept) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return f(1); }
int ef_nothrow_pointer(int (*f)(int) noexcept) { return f(1); }
// CHECK: int ef_lambda_inside() { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  auto l = [](int v) { if (v) throw v; }; return sizeof(l); }
int ef_lambda_inside() { auto l = [](int v) { if (v) throw v; }; return sizeof(l); }

// CHECK: int ef_may_throw(int a) { {{.*}} try {  return loud(a);  } catch (...)
int ef_may_throw(int a) { return loud(a); }
// CHECK: int ef_pointer(int (*f)(int)) { {{.*}} try {  return f(2);  } catch (...)
int ef_pointer(int (*f)(int)) { return f(2); }
// CHECK: int ef_new() { {{.*}} try {  int *p = new int(3); int v = *p; delete p; return v;  } catch (...)
int ef_new() { int *p = new int(3); int v = *p; delete p; return v; }
// CHECK: size_t ef_string() { {{.*}} try {  std::string s(40, 'x'); return s.size();  } catch (...)
size_t ef_string() { std::string s(40, 'x'); return s.size(); }
// CHECK: int ef_grumpy() { {{.*}} try {  Grumpy g; (void)g; return 4;  } catch (...)
int ef_grumpy() { Grumpy g; (void)g; return 4; }
// CHECK: template <class T> int ef_dependent(T t) { {{.*}} try {  return t.get();  } catch (...)
template <class T> int ef_dependent(T t) { return t.get(); }
struct Getter { int get() const { return 5; } };

// Followed into definitions in this unit (none of these is declared noexcept).
int plain_helper(int a) { return a + 2; }
int deep_loud(int a) { return loud(a) + 1; }
int defined_later(int a);
template <class T> T tpl_twice(T v) { return v + v; }
template <class T> T tpl_loud(T v) { if (v < 0) throw v; return v; }
struct Point { explicit Point(int v) : x(plain_helper(v)) {} int x; };
struct LoudPoint { explicit LoudPoint(int v) : x(loud(v)) {} int x; };
struct Shape { virtual ~Shape() = default; virtual int sides() const { return 0; } };
struct Square final : Shape { int sides() const override { return 4; } };

// CHECK: int ef_calls_plain(int a) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return plain_helper(a) * 2; }
int ef_calls_plain(int a) { return plain_helper(a) * 2; }
// CHECK: int ef_calls_deep_loud(int a) { {{.*}} try {  return deep_loud(a);  } catch (...)
int ef_calls_deep_loud(int a) { return deep_loud(a); }
// CHECK: int ef_recursive(int n) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return n > 0 ? ef_recursive(n - 1) + 1 : 0; }
int ef_recursive(int n) { return n > 0 ? ef_recursive(n - 1) + 1 : 0; }
// Mutual recursion: even/odd cannot throw; ping/pong can (pong throws), seen from either.
int ef_odd(int n);
// CHECK: int ef_even(int n) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return n == 0 ? 1 : ef_odd(n - 1); }
int ef_even(int n) { return n == 0 ? 1 : ef_odd(n - 1); }
// CHECK: int ef_odd(int n) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return n == 0 ? 0 : ef_even(n - 1); }
int ef_odd(int n) { return n == 0 ? 0 : ef_even(n - 1); }
int ef_pong(int n);
// CHECK: int ef_ping(int n) { {{.*}} try {  return n == 0 ? 0 : ef_pong(n - 1);  } catch (...)
int ef_ping(int n) { return n == 0 ? 0 : ef_pong(n - 1); }
// CHECK: int ef_pong(int n) { {{.*}} try {  if (n < 0) throw n; return n == 0 ? 0 : ef_ping(n - 1);  } catch (...)
int ef_pong(int n) { if (n < 0) throw n; return n == 0 ? 0 : ef_ping(n - 1); }
// CHECK: int ef_calls_later(int a) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return defined_later(a); }
int ef_calls_later(int a) { return defined_later(a); }
// CHECK: int ef_template_callee(int a) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return tpl_twice(a); }
int ef_template_callee(int a) { return tpl_twice(a); }
// CHECK: int ef_loud_template_callee(int a) { {{.*}} try {  return tpl_loud(a);  } catch (...)
int ef_loud_template_callee(int a) { return tpl_loud(a); }
// CHECK: template <class T> int ef_template_calls_plain(T) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return plain_helper(3); }
template <class T> int ef_template_calls_plain(T) { return plain_helper(3); }
// CHECK: int ef_virtual(const Shape &s) { {{.*}} try {  return s.sides();  } catch (...)
int ef_virtual(const Shape &s) { return s.sides(); }
// CHECK: int ef_final(const Square &s) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return s.sides() + s.Shape::sides(); }
int ef_final(const Square &s) { return s.sides() + s.Shape::sides(); }
// CHECK: int ef_pointer_to_plain(int a) { {{.*}} try {  int (*f)(int) = plain_helper; return f(a);  } catch (...)
int ef_pointer_to_plain(int a) { int (*f)(int) = plain_helper; return f(a); }
// CHECK: int ef_constructor(int a) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  Point p(a); return p.x; }
int ef_constructor(int a) { Point p(a); return p.x; }
// CHECK: int ef_loud_constructor(int a) { {{.*}} try {  LoudPoint p(a); return p.x;  } catch (...)
int ef_loud_constructor(int a) { LoudPoint p(a); return p.x; }
// CHECK: int ef_placement_new(int a) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  alignas(Point) unsigned char buf[sizeof(Point)]; Point *p = new (buf) Point(a); return p->x; }
int ef_placement_new(int a) { alignas(Point) unsigned char buf[sizeof(Point)]; Point *p = new (buf) Point(a); return p->x; }
// CHECK: int ef_calls_lambda(int a) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  auto add = [](int v) { return v + 1; }; return add(a); }
int ef_calls_lambda(int a) { auto add = [](int v) { return v + 1; }; return add(a); }
// CHECK: size_t ef_lambda_copies(const std::string &s) { {{.*}} try {  auto size = [s] { return s.size(); }; return sizeof(size);  } catch (...)
size_t ef_lambda_copies(const std::string &s) { auto size = [s] { return s.size(); }; return sizeof(size); }
int defined_later(int a) { return a * 3; }

int main() {
  int total = ef_arith(2) + ef_noexcept_call("abc") + ef_nothrow_pointer(quiet) + ef_lambda_inside();
  total += ef_may_throw(1) + ef_pointer(loud) + ef_new() + static_cast<int>(ef_string()) + ef_grumpy();
  total += ef_dependent(Getter{});
  total += ef_calls_plain(1) + ef_calls_deep_loud(2) + ef_recursive(3) + ef_even(4) + ef_odd(5) + ef_ping(6);
  total += ef_calls_later(1) + ef_template_callee(2) + ef_loud_template_callee(3) + ef_template_calls_plain('x');
  total += ef_virtual(Square()) + ef_final(Square()) + ef_pointer_to_plain(4) + ef_constructor(5);
  total += ef_loud_constructor(6) + ef_placement_new(7) + ef_calls_lambda(8) + static_cast<int>(ef_lambda_copies("ab"));
  try {
    ef_may_throw(-1);
  } catch (int v) {
    std::printf("caught %d\n", v);
  }
  for (int (*f)(int) : {ef_calls_deep_loud, ef_ping, ef_pong, ef_loud_template_callee, ef_loud_constructor}) {
    try {
      f(-3);
    } catch (int v) {
      std::printf("caught %d\n", v);
    }
  }
  std::printf("%d\n", total);
}
// OUT: caught -1
// OUT-NEXT: caught -3
// OUT-NEXT: caught -4
// OUT-NEXT: caught -3
// OUT-NEXT: caught -3
// OUT-NEXT: caught -3
