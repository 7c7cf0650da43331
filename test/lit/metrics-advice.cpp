// `metrics-only` and `metrics: false` reach the runtime as the site's flags:
// a metrics-only body or call is woven like a span (the runtime decides to
// count and time it, never to record a span); `metrics: false` keeps the span
// and drops the counting. Call sites say so (ORCH_SITE_CALL). The manifest
// says what each site records (for orch verify).
// RUN: env ORCH_CONFIG=%S/Inputs/metrics-advice.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/metrics-advice.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/metrics-advice.yaml ORCH_STRICT=1 %orch %cxx -std=c++17 -c %s -o %t.o
// RUN: %orch manifest %t.o | FileCheck %s --check-prefix=MANIFEST
// RUN: env ORCH_CONFIG=%S/Inputs/errors/metrics-only-attributes.yaml not %orch %cxx -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=ERR
#include <cstdio>

// CHECK: int hot_path(int x) { static ::orch_site __orch_site_{{[0-9_]+}} = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "hot hot_path", "hot_path", "{{.*}}metrics-advice.cpp", [[@LINE+1]]u, 0u, ORCH_W_NULL, ORCH_W_NULL, ORCH_SITE_METRICS_ONLY}; ::orch::weave::ScopedSpan
int hot_path(int x) { return x * 2; }
// CHECK: int quiet() { static ::orch_site __orch_site_{{[0-9_]+}} = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "quiet", "quiet", "{{.*}}metrics-advice.cpp", [[@LINE+1]]u, 0u, ORCH_W_NULL, ORCH_W_NULL, ORCH_SITE_NO_METRICS}; ::orch::weave::ScopedSpan
int quiet() { return 3; }
// CHECK: {{^}}int lib_count(int n) { return n + 1; }{{$}}
int lib_count(int n) { return n + 1; }

int main() {
  // CHECK: static ::orch_site __orch_site_{{[0-9_]+}} = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "lib_count", "main", "{{.*}}metrics-advice.cpp", [[@LINE+1]]u, 0u, ORCH_W_NULL, ORCH_W_NULL, ORCH_SITE_METRICS_ONLY | ORCH_SITE_CALL};
  std::printf("%d\n", hot_path(2) + quiet() + lib_count(4));
}

// MANIFEST-DAG: {"function":"hot_path",{{.*}},"aspect":"hot","spans":false}{{$}}
// MANIFEST-DAG: {"function":"quiet",{{.*}},"aspect":"quiet","metrics":false}{{$}}
// MANIFEST-DAG: {"call":"lib_count",{{.*}},"aspect":"counted-calls","spans":false}{{$}}

// OUT: 12
// OUT-NEXT: exit=0
// ERR: {{.*}}metrics-only-attributes.yaml:5:25: error: unknown key 'attributes' in metrics-only (expected one of: name, record-exceptions, error-unless-return, error-if-return)
