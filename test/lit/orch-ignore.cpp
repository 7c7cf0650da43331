// `// orch:ignore` right above a function keeps it out even when an aspect
// (here: every function) selects it, also when other comment lines stand
// between; explain says so.
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch diff --full %s -- %cxx -std=c++17 -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch explain %s -- %cxx -std=c++17 -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %cxx %s %t.gcc -std=c++17 | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-same %clangxx %s %t.clang -std=c++17 | FileCheck %s --check-prefix=OUT
#include <cstdio>

// orch:ignore
// CHECK: {{^}}int hot_path(int x) { return x + 1; }{{$}}
int hot_path(int x) { return x + 1; }

// orch:ignore (measured: too hot)
// Adds one.
// CHECK: {{^}}static int hot2(int x) { return x + 1; }{{$}}
static int hot2(int x) { return x + 1; }

// CHECK: int cold(int x) { static ::orch_site {{.*}}"cold"
int cold(int x) { return x - 1; }

// orch:ignore
// CHECK: {{^}}int main() { std::printf("%d\n", hot_path(1) + hot2(1) + cold(1)); }{{$}}
int main() { std::printf("%d\n", hot_path(1) + hot2(1) + cold(1)); }

// EXPLAIN: hot_path (function): not instrumented
// EXPLAIN-NEXT: excluded by // orch:ignore
// EXPLAIN: hot2 (function): not instrumented
// EXPLAIN-NEXT: excluded by // orch:ignore
// EXPLAIN: cold (function): instrumented by aspect 'all'
// EXPLAIN: main (function): not instrumented
// EXPLAIN-NEXT: excluded by // orch:ignore
// EXPLAIN: 1 of 4 functions instrumented
// OUT: 4
// OUT-NEXT: exit=0
