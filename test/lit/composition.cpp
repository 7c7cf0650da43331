// all-of / one-of / not. 'api-but-not-internal': in namespace api and not named
// *_internal. 'either': named alpha, or a member of class Beta. The first
// matching aspect wins, later ones are not tried.
// RUN: env ORCH_CONFIG=%S/Inputs/composition.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/composition.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/composition.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/composition.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>

namespace api {
// CHECK: int get() { static ::orch_site __orch_site_{{[0-9_]+}} = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "A api::get", "api::get",
int get() { return 1; }
// CHECK: {{^}}int get_internal() { return 2; }{{$}}
int get_internal() { return 2; }
// both aspects match alpha: the first one listed wins
// CHECK: int alpha() { static ::orch_site __orch_site_{{[0-9_]+}} = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "A api::alpha",
int alpha() { return 3; }
}  // namespace api
// CHECK: int alpha() { static ::orch_site __orch_site_{{[0-9_]+}} = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "E alpha",
int alpha() { return 4; }
struct Beta {
  // CHECK: int run() { static ::orch_site __orch_site_{{[0-9_]+}} = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "E Beta::run",
  int run() { return 5; }
};
// CHECK: {{^}}int gamma() { return 6; }{{$}}
int gamma() { return 6; }

int main() { std::printf("%d\n", api::get() + api::get_internal() + api::alpha() + alpha() + Beta().run() + gamma()); }

// EXPLAIN: api::get (function): instrumented by aspect 'api-but-not-internal'
// EXPLAIN: api::get_internal (function): not instrumented
// EXPLAIN-NEXT: aspect 'api-but-not-internal': excluded by 'not' at {{.*}}composition.yaml:6:11
// EXPLAIN-NEXT: aspect 'either': none of one-of matched (name 'get_internal' does not match 'alpha'; not a member of a class)
// EXPLAIN: api::alpha (function): instrumented by aspect 'api-but-not-internal'
// EXPLAIN: alpha (function): instrumented by aspect 'either'
// EXPLAIN: Beta::run (method): instrumented by aspect 'either'
// EXPLAIN: gamma (function): not instrumented
// EXPLAIN-NEXT: aspect 'api-but-not-internal': namespace '' is not inside 'api'
// EXPLAIN: 4 of 7 functions instrumented
// OUT: 21
// OUT-NEXT: exit=0
