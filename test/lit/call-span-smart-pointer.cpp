// A span on member calls through smart pointers (`p->m()`): the
// object as written is the pointer, so the call is wrapped whole and the
// program is unchanged.
// RUN: env ORCH_CONFIG=%S/Inputs/calls.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/calls.yaml %check-same %cxx %s %t.gcc -std=c++17 -Wall -Wextra -Werror | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/calls.yaml %check-same %clangxx %s %t.clang -std=c++17 -Wall -Wextra -Werror | FileCheck %s --check-prefix=OUT
#include <cstdio>
#include <memory>

struct Box {
  int v;
  int twice() const { return 2 * v; }
};

int main() {
  auto unique = std::make_unique<Box>(Box{3});
  std::shared_ptr<Box> shared = std::make_shared<Box>(Box{4});
  // CHECK: int a = ([&](auto &&__orch_o) -> decltype(auto) {{.*}}"Box.twice from main"{{.*}} return static_cast<decltype(__orch_o) &&>(__orch_o)->twice(); })(unique);
  int a = unique->twice();
  // CHECK: int b = ([&](auto &&__orch_o) -> decltype(auto) {{.*}}"Box.twice from main"{{.*}} return static_cast<decltype(__orch_o) &&>(__orch_o)->twice(); })(shared);
  int b = shared->twice();
  std::printf("%d %d\n", a, b);
  // OUT: 6 8
}
