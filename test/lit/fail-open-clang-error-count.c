/* Regression (fixed): on fail-open, clang's own error count leaks to stderr: besides orch's
 * one warning, the compile prints "2 errors generated." (from the parse orch
 * runs for itself) although the build succeeds. Expected: stderr holds exactly
 * the one "orch: warning: ... not instrumented: ..." line.
 */
/*
RUN: rm -rf %t && mkdir -p %t
RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch %cc -c %s -o %t/a.o 2> %t/warn.txt
RUN: FileCheck %s --input-file=%t/warn.txt -DFILE=%s --implicit-check-not=generated
CHECK: orch: warning: [[FILE]]: not instrumented: clang could not parse it: [[FILE]]:{{[0-9]+}}:{{[0-9]+}}: {{.*}}; compiling the original source
RUN: bash -c 'test $(wc -l < %t/warn.txt) -eq 1'
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
