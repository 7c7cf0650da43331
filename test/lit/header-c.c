/* C: a `static inline` function in a header and the functions of a .c file
 * that the unit includes are the project's too (`file:` conditions see their
 * own paths); the program behaves as the plain build.
 * RUN: env ORCH_CONFIG=%S/Inputs/headers/c.yaml %orch explain %s -- %cc -c %s | FileCheck %s
 * RUN: env ORCH_CONFIG=%S/Inputs/headers/c.yaml %check-same %cc %s %t.gcc -std=c99 -Wall -Werror | FileCheck %s --check-prefix=OUT
 * RUN: env ORCH_CONFIG=%S/Inputs/headers/c.yaml %check-same %clang %s %t.clang -std=c99 -Wall -Werror | FileCheck %s --check-prefix=OUT
 * RUN: env ORCH_CONFIG=%S/Inputs/headers/c.yaml OTEL_TRACES_EXPORTER=console %t.gcc.orch/prog 2>&1 | FileCheck %s --check-prefix=SPANS
 */
#include "Inputs/headers/csrc/impl.c"

#include <stdio.h>

int main(void) {
  printf("%d\n", scaled(12));
  return 0;
}
/* CHECK: {{.*}}Inputs/headers/csrc/helpers.h:3: clamp (function): instrumented by aspect 'c-files'
 * CHECK: {{.*}}Inputs/headers/csrc/impl.c:4: scaled (function): instrumented by aspect 'c-files'
 * CHECK: {{.*}}header-c.c:13: main (function): not instrumented
 * CHECK-NEXT: aspect 'c-files': file '{{.*}}header-c.c' does not match 'csrc/{{[*]}}'
 * OUT: 30
 * OUT-NEXT: exit=0
 * SPANS: {{^}}  scaled {{.*}}Inputs/headers/csrc/impl.c:4)
 * SPANS-NEXT: {{^}}    clamp {{.*}}Inputs/headers/csrc/helpers.h:3)
 */
