// `namespace: net` holds in net and in namespaces nested in it (net::http,
// net::http::v2, also through an inline namespace), not in netx, not in a
// namespace merely called net inside another one (app::net), not at global scope.
// RUN: env ORCH_CONFIG=%S/Inputs/namespace.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/namespace.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/namespace.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/namespace.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>

namespace net {
// CHECK: int a() { static ::orch_site {{.*}}"net::a"
int a() { return 1; }
namespace http {
// CHECK: int b() { static ::orch_site {{.*}}"net::http::b"
int b() { return 2; }
namespace v2 {
// CHECK: int c() { static ::orch_site {{.*}}"net::http::v2::c"
int c() { return 3; }
}  // namespace v2
}  // namespace http
inline namespace abi1 {
// CHECK: int d() { static ::orch_site {{.*}}"net::d"
int d() { return 4; }
}  // namespace abi1
}  // namespace net
namespace netx {
// CHECK: {{^}}int e() { return 5; }{{$}}
int e() { return 5; }
}  // namespace netx
namespace app {
namespace net {
// CHECK: {{^}}int f() { return 6; }{{$}}
int f() { return 6; }
}  // namespace net
}  // namespace app
// CHECK: {{^}}int g() { return 7; }{{$}}
int g() { return 7; }

int main() { std::printf("%d\n", net::a() + net::http::b() + net::http::v2::c() + net::d() + netx::e() + app::net::f() + g()); }

// EXPLAIN: net::a (function): instrumented by aspect 'net'
// EXPLAIN: net::http::b (function): instrumented by aspect 'net'
// EXPLAIN: net::http::v2::c (function): instrumented by aspect 'net'
// EXPLAIN: net::d (function): instrumented by aspect 'net'
// EXPLAIN: netx::e (function): not instrumented
// EXPLAIN-NEXT: aspect 'net': namespace 'netx' is not inside 'net'
// EXPLAIN: app::net::f (function): not instrumented
// EXPLAIN-NEXT: aspect 'net': namespace 'app::net' is not inside 'net'
// EXPLAIN: g (function): not instrumented
// EXPLAIN: 4 of 8 functions instrumented
// OUT: 28
// OUT-NEXT: exit=0
