// `name:` is a glob on the unqualified name, whatever the enclosing namespace or
// class: handle_get (global), api::handle_put and Server::handle_delete match;
// handler and rehandle_x do not (the glob is anchored at both ends).
// RUN: env ORCH_CONFIG=%S/Inputs/name.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/name.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/name.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/name.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>

// CHECK: int handle_get() { static ::orch_site __orch_site_11_18 = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "handle_get", "handle_get", {{.*}}; ::orch::weave::ScopedSpan __orch_span_11_18(&__orch_site_11_18);  return 1; }
int handle_get() { return 1; }
namespace api {
// CHECK: int handle_put() { static ::orch_site {{.*}}"api::handle_put"
int handle_put() { return 2; }
}  // namespace api
struct Server {
  // CHECK: int handle_delete() const { static ::orch_site {{.*}}"Server::handle_delete"
  int handle_delete() const { return 3; }
};
// CHECK: {{^}}int handler() { return 4; }{{$}}
int handler() { return 4; }
// CHECK: {{^}}int rehandle_x() { return 5; }{{$}}
int rehandle_x() { return 5; }

int main() { std::printf("%d\n", handle_get() + api::handle_put() + Server().handle_delete() + handler() + rehandle_x()); }

// EXPLAIN: handle_get (function): instrumented by aspect 'handlers'
// EXPLAIN: api::handle_put (function): instrumented by aspect 'handlers'
// EXPLAIN: Server::handle_delete (method): instrumented by aspect 'handlers'
// EXPLAIN: handler (function): not instrumented
// EXPLAIN-NEXT: aspect 'handlers': name 'handler' does not match 'handle_*'
// EXPLAIN: rehandle_x (function): not instrumented
// EXPLAIN: 3 of 6 functions instrumented
// OUT: 15
// OUT-NEXT: exit=0
