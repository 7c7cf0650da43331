// Function templates and members of class templates are instrumented once, in
// the pattern; every instantiation runs it (each reports the template's
// name). The manifest in the linked program lists the instantiations' mangled
// symbols (what the verifier attaches to); the uninstantiated pattern itself has
// none. A dependent-type argument is recorded where the instantiated type is
// recordable.
// RUN: env ORCH_CONFIG=%S/Inputs/templates.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/templates.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/templates.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: %orch manifest %t.gcc.orch/prog | FileCheck %s --check-prefix=MANIFEST
// RUN: %orch manifest %t.clang.orch/prog | FileCheck %s --check-prefix=MANIFEST
// RUN: %orch manifest %t.gcc.orch/prog.o | FileCheck %s --check-prefix=MANIFEST
#include <cstdio>
#include <string>

namespace lib {
// CHECK: template <typename T>
template <typename T>
// CHECK-NEXT: T largest(T a, T b) { static ::orch_site __orch_site_20_21 = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "lib::largest", "lib::largest", {{.*}}; ::orch::weave::ScopedSpan __orch_span_20_21(&__orch_site_20_21); __orch_span_20_21.attr("arg.a", a); __orch_span_20_21.attr("arg.b", b); try {  return a < b ? b : a;  } catch
T largest(T a, T b) { return a < b ? b : a; }
// CHECK-NOT: __orch_site_20_21 =

template <typename T> struct Box {
  // CHECK: T get() const { static ::orch_site __orch_site_25_17 = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "lib::Box::get", "lib::Box::get",
  T get() const { return v; }
  T v;
};
}  // namespace lib

int main() {
  std::printf("%d %g %s\n", lib::largest(2, 7), lib::largest(1.5, 0.5), lib::largest(std::string("a"), std::string("b")).c_str());
  std::printf("%d %c\n", lib::Box<int>{4}.get(), lib::Box<char>{'x'}.get());
}
// OUT: 7 1.5 b
// OUT-NEXT: 4 x
// OUT-NEXT: exit=0

// MANIFEST-DAG: {"function":"lib::largest","symbols":["_ZN3lib7largestIiEET_S1_S1_","_ZN3lib7largestIdEET_S1_S1_","_ZN3lib7largestINSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEEET_S7_S7_"],"file":"{{.*}}templates.cpp","line":20,"kind":"function","aspect":"tmpl"}
// MANIFEST-DAG: {"function":"lib::Box::get","symbols":["_ZNK3lib3BoxIiE3getEv","_ZNK3lib3BoxIcE3getEv"],"file":"{{.*}}templates.cpp","line":25,"kind":"method","aspect":"tmpl"}
