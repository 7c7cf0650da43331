// The orch.yaml: every function in namespace demo gets a span; main does not.
// RUN: env ORCH_CONFIG=%S/Inputs/demo.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/demo.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/demo.yaml %check-run %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/demo.yaml %check-run %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT

// The prelude takes the empty line above the declaration: no line moves, no #line.
// CHECK: {{^}}#include <cstdio>
// CHECK-NEXT: {{^}}#include "{{.*}}orch/weave.h"
// CHECK-NEXT: {{^}}namespace demo {
#include <cstdio>

namespace demo {
// CHECK: int add(int a, int b) { static ::orch_site __orch_site_15_23 = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "demo::add", "demo::add", "{{.*}}function-body-qualified-name.cpp", [[@LINE+1]]u, 0u, ORCH_W_NULL, ORCH_W_NULL, 0u}; ::orch::weave::ScopedSpan __orch_span_15_23(&__orch_site_15_23);  return a + b; }
int add(int a, int b) { return a + b; }
}  // namespace demo

// CHECK: int main() { std::printf("%d\n", demo::add(2, 3)); return 0; }
int main() { std::printf("%d\n", demo::add(2, 3)); return 0; }

// EXPLAIN: function-body-qualified-name.cpp:[[@LINE-6]]: demo::add (function): instrumented by aspect 'trace-demo'
// EXPLAIN: main (function): not instrumented
// EXPLAIN-NEXT: aspect 'trace-demo': qualified name 'main' does not match 'demo::*'
// EXPLAIN: 1 of 2 functions instrumented

// OUT: 5
