// record-return: `return E;` becomes `return SPAN.ret(key, (E));` for cheap
// scalar return types (integers, floating point, bool, enums, const char*);
// not for void, references, deduced (auto) or class return types, nor for
// braced returns. The value returned is unchanged.
// RUN: env ORCH_CONFIG=%S/Inputs/record-return.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/record-return.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/record-return.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/record-return.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <string>

enum class Level { low, high };
// CHECK: long add(int a, int b) { {{.*}}  if (a < 0) return __orch_span_14_24.ret("orch.return.value", (-1)); return __orch_span_14_24.ret("orch.return.value", (a + b)); 
long add(int a, int b) { if (a < 0) return -1; return a + b; }
// CHECK: double half(double x) { {{.*}}return __orch_span_16_23.ret("orch.return.value", (x / 2));
double half(double x) { return x / 2; }
// CHECK: bool positive(int x) { {{.*}}return __orch_span_18_22.ret("orch.return.value", (x > 0));
bool positive(int x) { return x > 0; }
// CHECK: Level level(int x) { {{.*}}return __orch_span_20_20.ret("orch.return.value", (x > 5 ? Level::high : Level::low));
Level level(int x) { return x > 5 ? Level::high : Level::low; }
// CHECK: {{^}}void nothing() { {{.*}}ScopedSpan __orch_span_22_16(&__orch_site_22_16);  return; 
void nothing() { return; }
static int global = 3;
// CHECK: {{^}}int &ref() { {{.*}}  return global; 
int &ref() { return global; }
// CHECK: {{^}}auto deduced() { {{.*}}  return 9; 
auto deduced() { return 9; }
// CHECK: {{^}}std::string text() { {{.*}} try {  return "abc";  } catch
std::string text() { return "abc"; }
// CHECK: {{^}}int braced() { {{.*}}  return {4}; 
int braced() { return {4}; }

int main() {
  nothing();
  std::printf("%ld %g %d %d %d %d %s %d\n", add(2, 3), half(5), positive(2), static_cast<int>(level(9)), ref(), deduced(), text().c_str(), braced());
  return static_cast<int>(add(-1, 0)) + 1;
}
// EXPLAIN: ref (function): instrumented by aspect 'ret'
// EXPLAIN-NEXT: note: record-return: deduced or reference return type is not recorded
// EXPLAIN: deduced (function): instrumented by aspect 'ret'
// EXPLAIN-NEXT: note: record-return: deduced or reference return type is not recorded
// EXPLAIN: text (function): instrumented by aspect 'ret'
// EXPLAIN-NEXT: note: record-return: return type 'std::string' is not a cheap scalar
// OUT: 5 2.5 1 1 3 9 abc 4
// OUT-NEXT: exit=0
