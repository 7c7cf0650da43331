// A body no exception can leave gets no try/catch (compiling the handler is
// most of what an instrumented one-line function costs): no call that may
// throw, no throw, new, delete, dynamic_cast or typeid, no local whose
// destructor may throw. Lambda bodies inside do not count; calls left
// dependent in a template do. Calls through pointers count by their type.
// RUN: env ORCH_CONFIG=%S/Inputs/exception-flow.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/exception-flow.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/exception-flow.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <cstring>
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

int main() {
  int total = ef_arith(2) + ef_noexcept_call("abc") + ef_nothrow_pointer(quiet) + ef_lambda_inside();
  total += ef_may_throw(1) + ef_pointer(loud) + ef_new() + static_cast<int>(ef_string()) + ef_grumpy();
  total += ef_dependent(Getter{});
  try {
    ef_may_throw(-1);
  } catch (int v) {
    std::printf("caught %d\n", v);
  }
  std::printf("%d\n", total);
}
// OUT: caught -1
