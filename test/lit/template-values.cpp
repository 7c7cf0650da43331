// Values whose type depends on a template parameter are recorded per
// instantiation: a parameter pack's first elements each under its own key
// (arg.NAME.0, arg.NAME.1...), and a dependent return type when every
// instantiation in the unit returns a cheap scalar. Where the rewrite cannot
// know, `orch explain` says why, and the unit still compiles.
// RUN: env ORCH_CONFIG=%S/Inputs/record-everything.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/record-everything.yaml %check-tree %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=TREE
// RUN: env ORCH_CONFIG=%S/Inputs/record-everything.yaml %check-tree %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=TREE
#include <cstdio>
#include <memory>
#include <string>

template <class F, class... A> auto call(F &&fn, A &&...a) { return fn(a...); }
template <class... A> int count(const A &...items) { return sizeof...(items); }
template <class T> T twice(T v) { return v + v; }
template <class T> T make(int n) { return T(n, 'x'); }
template <class T> T pick(bool first, T a, T b) {
  if constexpr (sizeof(T) > 4) return first ? a : b;
  return first ? b : a;
}
int add(int a, int b) { return a + b; }

int main() {
  std::unique_ptr<int> owned(new int(7));
  std::printf("%d\n", call(add, 2, 3));
  std::printf("%d\n", count(1, "two", 3.5, std::string("four"), owned));
  std::printf("%d\n", twice(21));
  std::printf("%.1f\n", twice(0.25));
  std::printf("%zu\n", make<std::string>(3).size());
  std::printf("%d\n", count(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
  std::printf("%ld\n", pick(true, 1L, 2L));
  std::printf("%d\n", pick(true, 1, 2));
}
// EXPLAIN: call
// EXPLAIN: parameter pack 'a': its first 8 elements recorded as 'arg.a.0', 'arg.a.1'... where their instantiated types are recordable
// EXPLAIN: record-return: deduced or reference return type is not recorded
// EXPLAIN: make
// EXPLAIN: record-return: return type 'T' depends on a template parameter, and an instantiation returns '{{(class )?}}std::basic_string<char>', not a cheap scalar
// EXPLAIN: pick
// EXPLAIN: record-return: return type 'T' depends on a template parameter, and an instantiation has other return statements than the template (if constexpr)

// TREE:      5
// TREE-NEXT: 5
// TREE-NEXT: 42
// TREE-NEXT: 0.5
// TREE-NEXT: 3
// TREE-NEXT: 10
// TREE-NEXT: 1
// TREE-NEXT: 2
// TREE-NEXT: trace
// TREE-NEXT:   main
// TREE-NEXT:     call arg.a.0=2 arg.a.1=3
// TREE-NEXT:       add arg.a=2 arg.b=3 orch.return.value=5
// TREE-NEXT:     count arg.items.0=1 arg.items.1="two" arg.items.2=3.5 arg.items.3="four" orch.return.value=5
// TREE-NEXT:     twice arg.v=21 orch.return.value=42
// TREE-NEXT:     twice arg.v=0.25 orch.return.value=0.5
// TREE-NEXT:     make arg.n=3
// TREE-NEXT:     count arg.items.0=1 arg.items.1=2 arg.items.2=3 arg.items.3=4 arg.items.4=5 arg.items.5=6 arg.items.6=7 arg.items.7=8 orch.return.value=10
// TREE-NEXT:     pick arg.first=true arg.a=1 arg.b=2{{$}}
// TREE-NEXT:     pick arg.first=true arg.a=1 arg.b=2{{$}}
