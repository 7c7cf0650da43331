// Header functions orch leaves as they are, with the reason in `orch explain`,
// while the unit is still rewritten for the others and builds and runs:
// system headers (-isystem, even under the project directory) and excluded
// headers are never the project's; a header reached through a macro-computed
// #include, one included twice defining a function each time, and one
// included inside a namespace. (Headers using #include_next or
// __has_include("...") are rewritten: header-lookups.test.)
// RUN: rm -rf %t && mkdir -p %t && cp -r %S/Inputs/headers/. %t/ && cp %s %t/src/main.cpp
// RUN: printf 'exclude: ["include/lib/excluded.h"]\naspects:\n  - id: lib\n    join-point: { function-body: { qualified-name: "lib::*" } }\n    advice: [ { span: {} } ]\n' > %t/orch.yaml
// RUN: cd %t && %orch explain src/main.cpp -- %cxx -Inext -Iinclude -isystem sys -c src/main.cpp | FileCheck %s
// RUN: cd %t && env ORCH_STRICT=1 %orch %cxx -Inext -Iinclude -isystem sys -c src/main.cpp -o main.o
// RUN: cd %t && test -f main.o.orch/orch-headers/include/lib/util.h && not test -e main.o.orch/orch-headers/include/lib/computed.h
// RUN: cd %t && %cxx main.o -o prog -pthread && env OTEL_TRACES_EXPORTER=console ./prog 2>&1 | FileCheck %s --check-prefix=OUT
// RUN: cd %t && env ORCH_STRICT=1 %orch %clangxx -Inext -Iinclude -isystem sys -c src/main.cpp -o clang.o
// RUN: cd %t && %clangxx clang.o -o clang-prog -pthread && env OTEL_TRACES_EXPORTER=console ./clang-prog 2>&1 | FileCheck %s --check-prefix=OUT
#include <lib/util.h>
#define COMPUTED <lib/computed.h>
#include COMPUTED
#include <lib/probe.h>
#include <lib/wrap.h>
#include <lib/sys.h>
#include <lib/excluded.h>
namespace lib {
#define NAME six
#define VALUE 6
#include <lib/generate.def>
#undef NAME
#undef VALUE
#define NAME sixty
#define VALUE 60
#include <lib/generate.def>
#include <lib/inside.h>
}  // namespace lib

#include <cstdio>

int main() {
  std::printf("%d\n", lib::twice(1) + lib::computed() + lib::probe() + lib::wrapped() + lib::sys() + lib::six() +
                          lib::sixty() + lib::inside() + lib::excluded());
}

// CHECK: include/lib/util.h:9: lib::twice (function): instrumented by aspect 'lib'
// CHECK: include/lib/computed.h:3: lib::computed (function): not instrumented
// CHECK-NEXT: aspect 'lib' matches, but not instrumented: include/lib/computed.h cannot be rewritten: it is reached through an #include whose name a macro computes in src/main.cpp
// CHECK: include/lib/probe.h:4: lib::probe (function): instrumented by aspect 'lib'
// CHECK: include/lib/wrap.h:2: lib::base (function): instrumented by aspect 'lib'
// CHECK: next/lib/wrap.h:4: lib::wrapped (function): instrumented by aspect 'lib'
// CHECK-NOT: lib::sys
// CHECK-NOT: lib::excluded
// CHECK: include/lib/generate.def:2: lib::six (function): not instrumented
// CHECK-NEXT: aspect 'lib' matches, but not instrumented: its file is included more than once and defines it each time
// CHECK: include/lib/generate.def:2: lib::sixty (function): not instrumented
// CHECK-NEXT: aspect 'lib' matches, but not instrumented: its file is included more than once and defines it each time
// CHECK: include/lib/inside.h:2: lib::inside (function): not instrumented
// CHECK-NEXT: aspect 'lib' matches, but not instrumented: its file is included inside a declaration of src/main.cpp
// CHECK: 11 of 16 functions instrumented

// OUT: {{^}}  lib::twice
// OUT: {{^}}95{{$}}
