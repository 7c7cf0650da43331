/* Fail open: a unit Clang cannot parse but GCC can (a GNU C nested function)
 * compiles unchanged with exactly one orch warning naming the file and the reason;
 * the program runs as the plain build. ORCH_STRICT=1 makes it an error.
 * stderr holds that line and nothing else (Clang's own "N errors generated."
 * once leaked there).
 */
/*
RUN: rm -rf %t && mkdir -p %t
RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch %cc -c %s -o %t/a.o 2> %t/warn.txt
RUN: FileCheck %s --input-file=%t/warn.txt -DFILE=%s --implicit-check-not=generated
CHECK: orch: warning: [[FILE]]: not instrumented: clang could not parse it: [[FILE]]:{{[0-9]+}}:{{[0-9]+}}: {{.*}}; compiling the original source
CHECK-NOT: orch:
RUN: bash -c 'test $(grep -c ^orch: %t/warn.txt) -eq 1'
RUN: bash -c 'test $(wc -l < %t/warn.txt) -eq 1'
RUN: not test -e %t/a.o.orch/fail-open.c
RUN: %cc %t/a.o -o %t/a && %t/a | FileCheck %s --check-prefix=OUT
OUT: 7
RUN: env ORCH_CONFIG=%S/Inputs/all.yaml ORCH_STRICT=1 not %orch %cc -c %s -o %t/b.o 2>&1 | FileCheck %s --check-prefix=STRICT -DFILE=%s
STRICT: orch: error: [[FILE]]: not instrumented: clang could not parse it: {{.*}} (ORCH_STRICT=1)
*/
#include <stdio.h>

int outer(int x) {
  int inner(int y) { return y + 1; }
  return inner(x);
}

int main(void) {
  printf("%d\n", outer(6));
  return 0;
}
