// The span `name` template expands every placeholder at rewrite time
// ({aspect} {kind} {namespace} {class} {name} {qualified_name} {file} {line});
// `kind: server` is SpanKind 2 in the site. code.function.name stays the
// qualified name. {file} is relative to the orch.yaml directory when inside it,
// absolute otherwise (here Inputs/ holds the yaml, so the test file is outside).
// RUN: env ORCH_CONFIG=%S/Inputs/advice-name.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/advice-name.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/advice-name.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>

namespace shop {
namespace cart {
struct Cart {
  // CHECK: int total() const { static ::orch_site __orch_site_15_21 = {ORCH_SITE_VERSION, ORCH_KIND_SERVER, "named/method shop::cart|shop::cart::Cart|total|shop::cart::Cart::total @{{/.*}}span-name-template.cpp:[[@LINE+1]]", "shop::cart::Cart::total", "{{.*}}span-name-template.cpp", [[@LINE+1]]u, 0u, ORCH_W_NULL, ORCH_W_NULL, 0u};
  int total() const { return 7; }
};
}  // namespace cart
// CHECK: int checkout() { static ::orch_site __orch_site_19_16 = {ORCH_SITE_VERSION, ORCH_KIND_SERVER, "named/function shop||checkout|shop::checkout @{{/.*}}span-name-template.cpp:[[@LINE+1]]", "shop::checkout",
int checkout() { return cart::Cart().total(); }
}  // namespace shop

int main() { std::printf("%d\n", shop::checkout()); }
// OUT: 7
// OUT-NEXT: exit=0
