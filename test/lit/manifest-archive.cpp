// `orch manifest` reads objects, static archives and linked programs alike, and
// prints each instrumented function once even when several members hold it.
// RUN: rm -rf %t && mkdir -p %t
// RUN: env ORCH_CONFIG=%S/Inputs/demo.yaml ORCH_STRICT=1 %orch %cxx -std=c++17 -c %s -o %t/a.o
// RUN: env ORCH_CONFIG=%S/Inputs/demo.yaml ORCH_STRICT=1 %orch %cxx -std=c++17 -DSECOND -c %s -o %t/b.o
// RUN: ar rcs %t/lib.a %t/a.o %t/b.o
// RUN: %orch manifest %t/a.o | FileCheck %s --check-prefix=OBJ
// RUN: %orch manifest %t/lib.a | FileCheck %s --check-prefix=ARCHIVE
// RUN: %orch manifest %t/lib.a | grep -c '"function":"demo::shared"' | FileCheck %s --check-prefix=ONCE
// RUN: not %orch manifest %s 2>&1 | FileCheck %s --check-prefix=BAD
namespace demo {
#ifdef SECOND
int second() { return 2; }
#endif
inline int shared() { return 1; }
int first() { return shared(); }
}  // namespace demo

// OBJ: {"function":"demo::first","symbols":["_ZN4demo5firstEv"],"file":"{{.*}}manifest-archive.cpp","line":[[@LINE-3]],"kind":"function","aspect":"trace-demo"}
// OBJ-NOT: demo::second
// ARCHIVE-DAG: "function":"demo::first"
// ARCHIVE-DAG: "function":"demo::second"
// ARCHIVE-DAG: "function":"demo::shared"
// ONCE: {{^1$}}
// BAD: orch manifest: {{.*}}manifest-archive.cpp: {{.*}}
