// Functions defined in the project's own headers (inline functions, methods
// defined in the class body, function and class templates) are instrumented in
// every unit that compiles them, through copies of the headers under
// OBJ.orch/orch-headers/ (never in the source tree). The copies read the same
// in every unit (no ODR difference: the linker keeps one definition, with one
// static site), #pragma once and include guards hold although the header is
// reached under several spellings, quoted includes relative to a header's own
// directory still resolve, and the depfile and debug info name the originals.
// RUN: rm -rf %t && mkdir -p %t && cp -r %S/Inputs/headers/. %t/ && cp %s %t/src/main.cpp
// RUN: cd %t && %orch diff --full src/main.cpp -- %cxx -std=c++17 -Iinclude -c src/main.cpp -o main.o | grep -v "^// " | FileCheck %s -DDIR=%t --check-prefix=DIFF
// RUN: cd %t && %orch explain src/main.cpp -- %cxx -std=c++17 -Iinclude -c src/main.cpp | FileCheck %s --check-prefix=EXPLAIN
//
// g++: two units, one program; both units' calls are traced (lib::twice from each).
// RUN: cd %t && env ORCH_STRICT=1 %orch %cxx -std=c++17 -Iinclude -c src/main.cpp -o main.o -MD -MF main.d
// RUN: cd %t && env ORCH_STRICT=1 %orch %cxx -std=c++17 -c src/other.cpp -o other.o
// RUN: cd %t && %cxx main.o other.o -o prog -pthread
// RUN: cd %t && env OTEL_TRACES_EXPORTER=console ./prog 2>&1 | FileCheck %s --check-prefixes=OUT,SPANS
// RUN: cd %t && env OTEL_TRACES_EXPORTER=console ./prog 2>&1 | grep -c "^  lib::twice " | FileCheck %s --check-prefix=TWICE
// RUN: %orch manifest %t/prog | FileCheck %s --check-prefix=MANIFEST
// RUN: %orch manifest %t/prog | grep -c '"function":"lib::twice"' | FileCheck %s --check-prefix=ONCE
// RUN: FileCheck %s --check-prefix=DEP --input-file=%t/main.d -DDIR=%t
// The header copies of both units differ only in directives (#line, include paths).
// RUN: cd %t && grep -v '^#' main.o.orch/orch-headers/include/lib/util.h > main-util.txt
// RUN: cd %t && grep -v '^#' other.o.orch/orch-headers/include/lib/util.h > other-util.txt
// RUN: cd %t && diff main-util.txt other-util.txt && grep -q __orch_site_ main-util.txt
// No ODR difference that link-time optimisation can see.
// RUN: cd %t && env ORCH_STRICT=1 %orch %cxx -std=c++17 -O2 -flto -Iinclude -c src/main.cpp -o lto-main.o
// RUN: cd %t && env ORCH_STRICT=1 %orch %cxx -std=c++17 -O2 -flto -c src/other.cpp -o lto-other.o
// RUN: cd %t && %cxx -O2 -flto -Wodr -Werror=odr lto-main.o lto-other.o -o lto-prog -pthread
// RUN: cd %t && env OTEL_SDK_DISABLED=true ./lto-prog | FileCheck %s --check-prefix=OUT
// Debug info names the original header, not the copy.
// RUN: cd %t && env ORCH_STRICT=1 %orch %cxx -g -std=c++17 -Iinclude -c src/main.cpp -o dbg.o
// RUN: llvm-dwarfdump --debug-line %t/dbg.o | FileCheck %s --check-prefix=DWARF
//
// clang++, the same.
// RUN: cd %t && env ORCH_STRICT=1 %orch %clangxx -std=c++17 -Iinclude -c src/main.cpp -o clang-main.o
// RUN: cd %t && env ORCH_STRICT=1 %orch %clangxx -std=c++17 -c src/other.cpp -o clang-other.o
// RUN: cd %t && %clangxx clang-main.o clang-other.o -o clang-prog -pthread
// RUN: cd %t && env OTEL_TRACES_EXPORTER=console ./clang-prog 2>&1 | FileCheck %s --check-prefixes=OUT,SPANS
#include <lib/util.h>
#include "../include/lib/util.h"
#include "../include/lib/detail/impl.h"

#include <cstdio>

int other();

int main() {
  std::printf("%d %d %s:%d\n", lib::twice(3), other(), lib::file(), lib::line());
  return 0;
}

// DIFF: #include "[[DIR]]/main.o.orch/orch-headers/include/lib/util.h"
// DIFF-NEXT: #include "[[DIR]]/main.o.orch/orch-headers/include/lib/util.h"
// DIFF-NEXT: #include "[[DIR]]/main.o.orch/orch-headers/include/lib/detail/impl.h"
// DIFF: ORCH_W_MANIFEST("{\"function\":\"lib::detail::plus_one\",{{.*}}\"file\":\"[[DIR]]/include/lib/detail/impl.h\",\"line\":7,
// DIFF: #line 1 "include/lib/detail/impl.h"
// DIFF: #include "{{.*}}/orch/weave.h"
// DIFF-NEXT: #line 5 "include/lib/detail/impl.h"
// DIFF-NEXT: namespace lib {
// DIFF-NEXT: namespace detail {
// DIFF-NEXT: inline int plus_one(int x) { static ::orch_site __orch_site_7_28 = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "lib::detail::plus_one", "lib::detail::plus_one", "[[DIR]]/include/lib/detail/impl.h", 7u,
// DIFF: #line 1 "include/lib/util.h"
// DIFF-NEXT: #pragma once
// DIFF-NEXT: #include "[[DIR]]/main.o.orch/orch-headers/include/lib/detail/impl.h"
// DIFF: inline int twice(int x) { static ::orch_site __orch_site_9_25 =
// DIFF: int bump() { static ::orch_site __orch_site_12_14 =
// DIFF: template <typename T> T biggest(T a, T b) { static ::orch_site __orch_site_16_43 =
// DIFF: T get() const { static ::orch_site __orch_site_19_17 =

// EXPLAIN: include/lib/detail/impl.h:7: lib::detail::plus_one (function): instrumented by aspect 'lib'
// EXPLAIN: include/lib/util.h:9: lib::twice (function): instrumented by aspect 'lib'
// EXPLAIN: include/lib/util.h:12: lib::Counter::bump (method): instrumented by aspect 'lib'
// EXPLAIN: src/main.cpp:{{[0-9]+}}: main (function): not instrumented

// SPANS-DAG: {{^}}  lib::twice {{.*}}include/lib/util.h:9)
// SPANS-DAG: {{^}}    lib::detail::plus_one {{.*}}include/lib/detail/impl.h:7)
// SPANS-DAG: {{^}}  lib::Counter::bump {{.*}}include/lib/util.h:12)
// SPANS-DAG: {{^}}  lib::biggest {{.*}}include/lib/util.h:16)
// SPANS-DAG: {{^}}  lib::Box::get {{.*}}include/lib/util.h:19)
// SPANS-DAG: {{^}}  lib::file {{.*}}include/lib/util.h:23)
// OUT: 6 10 include/lib/util.h:24
// TWICE: {{^2$}}

// MANIFEST-DAG: {"function":"lib::twice","symbols":["_ZN3lib5twiceEi"],"file":"{{.*}}/include/lib/util.h","line":9,"kind":"function","aspect":"lib"}
// MANIFEST-DAG: {"function":"lib::biggest","symbols":["_ZN3lib7biggestIdEET_S1_S1_"],"file":"{{.*}}/include/lib/util.h","line":16,"kind":"function","aspect":"lib"}
// ONCE: {{^1$}}

// DEP: main.o:
// DEP: src/main.cpp
// DEP-NOT: .orch/
// DEP: include/lib/util.h
// DEP-NOT: .orch/
// DEP: include/lib/detail/impl.h
// DEP-NOT: .orch/
// DEP: [[DIR]]/orch.yaml

// DWARF: include_directories
// DWARF-NOT: orch-headers
// DWARF: name: "util.h"
// DWARF-NOT: orch-headers
