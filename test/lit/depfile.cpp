// Depfiles (-MD -MF) name the original source, not the rewritten copy under
// OBJ.orch/, and list orch.yaml and every aspect file it reads, so editing an
// aspect rebuilds the object. Also for -MMD with the default depfile name, and
// for a unit with nothing to instrument (yet): an aspect edit may change that.
// RUN: rm -rf %t && mkdir -p %t/aspects
// RUN: printf 'aspects:\n  - file: aspects/mine.yaml\n' > %t/orch.yaml
// RUN: printf 'aspects:\n  - id: all\n    join-point: { function-body: { name: "*" } }\n    advice: [ { span: {} } ]\n' > %t/aspects/mine.yaml
// RUN: cp %s %t/dep.cpp && cp %S/Inputs/dep.h %t/dep.h
// RUN: cd %t && %orch %cxx -c dep.cpp -o dep.o -MD -MF %t/dep.d && test -d dep.o.orch
// RUN: FileCheck %s --input-file=%t/dep.d -DDIR=%t
// RUN: cd %t && %orch %clangxx -c dep.cpp -o clang.o -MMD && test -d clang.o.orch
// RUN: FileCheck %s --check-prefix=MMD --input-file=%t/clang.d -DDIR=%t
// RUN: printf 'int plain_value = 1;\n' > %t/none.cpp
// RUN: cd %t && %orch %cxx -c none.cpp -o none.o -MD -MF %t/none.d && not test -e none.o.orch
// RUN: FileCheck %s --check-prefix=NONE --input-file=%t/none.d -DDIR=%t
// The compiler may wrap the first line: match the target and the source separately.
// CHECK: dep.o:
// CHECK: {{(^| )}}dep.cpp{{( |$)}}
// CHECK-NOT: .orch/
// CHECK-DAG: dep.h
// CHECK-DAG: [[DIR]]/orch.yaml
// CHECK-DAG: [[DIR]]/aspects/mine.yaml
// CHECK-NOT: .orch/
// MMD: clang.o:
// MMD: {{(^| )}}dep.cpp{{( |$)}}
// MMD-DAG: dep.h
// MMD-DAG: [[DIR]]/aspects/mine.yaml
// MMD-NOT: .orch/
// NONE: none.o:
// NONE-DAG: none.cpp
// NONE-DAG: [[DIR]]/orch.yaml
// NONE-DAG: [[DIR]]/aspects/mine.yaml
#include "dep.h"
int use() { return dep_value(); }
