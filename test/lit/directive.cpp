// `directive: "orch:span"` (the built-in orch-span aspect): a `// orch:span`
// comment right above a function opts it in; its key=value and key="quoted
// value" pairs become the span's static attributes. No directive, or a blank
// line between comment and function: not instrumented. Works above a method,
// a template, among other comment lines, and in /* */ form.
// RUN: env ORCH_CONFIG=%S/Inputs/directive.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/directive.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/directive.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/directive.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>

// orch:span team=payments owner="Jane Doe" empty=
// CHECK: int pay() { static const char *const __orch_static_attrs_14_11[] = {"team", "payments", "owner", "Jane Doe", "empty", ""}; static ::orch_site __orch_site_14_11 = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "pay", "pay", "{{.*}}directive.cpp", [[@LINE+1]]u, 3u, __orch_static_attrs_14_11, ORCH_W_NULL, 0u}; ::orch::weave::ScopedSpan __orch_span_14_11(&__orch_site_14_11);  return 1; }
int pay() { return 1; }

// orch:span
// CHECK: int bare() { static ::orch_site __orch_site_18_12 = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "bare", "bare", "{{.*}}", [[@LINE+1]]u, 0u, ORCH_W_NULL, ORCH_W_NULL, 0u};
int bare() { return 2; }

// orch:span lost=yes

// CHECK: {{^}}int after_blank_line() { return 3; }{{$}}
int after_blank_line() { return 3; }

// CHECK: {{^}}int plain() { return 4; }{{$}}
int plain() { return 4; }

struct Account {
  // Some documentation first.
  // orch:span kind=read
  // CHECK: int balance() const { static const char *const __orch_static_attrs_{{[0-9_]+}}[] = {"kind", "read"};
  int balance() const { return 5; }
};

/* orch:span style=c */
// CHECK: template <typename T>
template <typename T>
// CHECK-NEXT: T twice(T v) { static const char *const __orch_static_attrs_{{[0-9_]+}}[] = {"style", "c"};
T twice(T v) { return v + v; }

int main() { std::printf("%d\n", pay() + bare() + after_blank_line() + plain() + Account().balance() + twice(3)); }

// EXPLAIN: pay (function): instrumented by aspect 'orch-span-directive'
// EXPLAIN: bare (function): instrumented by aspect 'orch-span-directive'
// EXPLAIN: after_blank_line (function): not instrumented
// EXPLAIN-NEXT: aspect 'orch-span-directive': no '// orch:span' directive
// EXPLAIN: plain (function): not instrumented
// EXPLAIN: Account::balance (method): instrumented by aspect 'orch-span-directive'
// EXPLAIN: twice (function): instrumented by aspect 'orch-span-directive'
// EXPLAIN: 4 of 7 functions instrumented
// OUT: 21
// OUT-NEXT: exit=0
