// `qualified-name: "regex:..."` selects functions by a regular expression on the
// qualified name: store::get_x and store::put_x match, store::get_X (upper case),
// store::erase_x and other::get_x do not.
// RUN: env ORCH_CONFIG=%S/Inputs/regex.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/regex.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/regex.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/regex.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>

namespace store {
// CHECK: int get_key() { static ::orch_site __orch_site_12_15 = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "store::get_key", "store::get_key", "{{.*}}function-body-regex.cpp", [[@LINE+1]]u, 0u, ORCH_W_NULL, ORCH_W_NULL, 0u}; ::orch::weave::ScopedSpan __orch_span_12_15(&__orch_site_12_15);  return 1; }
int get_key() { return 1; }
// CHECK: int put_key() { static ::orch_site __orch_site_14_15 = {{.*}}"store::put_key"
int put_key() { return 2; }
// CHECK: {{^}}int get_Key() { return 3; }{{$}}
int get_Key() { return 3; }
// CHECK: {{^}}int erase_key() { return 4; }{{$}}
int erase_key() { return 4; }
}  // namespace store
namespace other {
// CHECK: {{^}}int get_key() { return 5; }{{$}}
int get_key() { return 5; }
}  // namespace other

int main() {
  std::printf("%d\n", store::get_key() + store::put_key() + store::get_Key() + store::erase_key() + other::get_key());
}

// EXPLAIN: store::get_key (function): instrumented by aspect 'store-rw'
// EXPLAIN: store::put_key (function): instrumented by aspect 'store-rw'
// EXPLAIN: store::get_Key (function): not instrumented
// EXPLAIN-NEXT: aspect 'store-rw': qualified name 'store::get_Key' does not match 'regex:^store::(get|put)_[a-z]+$'
// EXPLAIN: store::erase_key (function): not instrumented
// EXPLAIN: other::get_key (function): not instrumented
// EXPLAIN: 2 of 6 functions instrumented
// OUT: 15
// OUT-NEXT: exit=0
