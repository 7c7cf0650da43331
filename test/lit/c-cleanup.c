/* C sources: the span is a declaration with __attribute__((cleanup)) (C has no
 * destructors), placed before the body's own declarations, so strict C99 (-std=c99
 * -pedantic -Wall -Wextra -Werror -Wdeclaration-after-statement; -O2 for gcc's
 * -Wmaybe-uninitialized) still compiles with gcc and clang. record-args: one more declaration;
 * record-return wraps each returned value in a typed pass-through (unsigned,
 * double, char pointer, enum) that returns it unchanged. */
/*
RUN: env ORCH_CONFIG=%S/Inputs/c.yaml %orch diff --full %s -- %cc -std=c89 -c %s | grep -v "^[A-Z-]*:" | FileCheck %s
*/
/*
RUN: env ORCH_CONFIG=%S/Inputs/c.yaml %check-same %cc %s %t.gcc -std=c99 -pedantic -O2 -Wall -Wextra -Werror -Wdeclaration-after-statement | FileCheck %s --check-prefix=OUT
*/
/*
RUN: env ORCH_CONFIG=%S/Inputs/c.yaml %check-same %clang %s %t.clang -std=c99 -pedantic -Wall -Wextra -Werror -Wdeclaration-after-statement | FileCheck %s --check-prefix=OUT
*/
#include <stdio.h>

enum unit { MM, CM };

/*
CHECK: double scale(double v, enum unit unit, const char *tag) { static orch_site __orch_site_23_57 = {ORCH_SITE_VERSION, ORCH_KIND_INTERNAL, "scale", "scale", "{{.*}}c-cleanup.c", [[@LINE+2]]u, 0u, ORCH_W_NULL, ORCH_W_NULL, 0u}; __attribute__((cleanup(orch_w_end), unused)) orch_span __orch_span_23_57 = orch_w_start(&__orch_site_23_57); __attribute__((unused)) int __orch_attrs_23_57 = orch_w_attr_i64(&__orch_span_23_57, "unit", (int64_t)(unit)) + orch_w_attr_f64(&__orch_span_23_57, "arg.v", (double)(v)) + orch_w_attr_i64(&__orch_span_23_57, "arg.unit", (int64_t)(unit)) + orch_w_attr_cstr(&__orch_span_23_57, "arg.tag", tag);  double f = unit == CM ? 10.0 : 1.0; (void)tag; return (double)orch_w_ret_f64(&__orch_span_23_57, "orch.return.value", (v * f)); }
*/
double scale(double v, enum unit unit, const char *tag) { double f = unit == CM ? 10.0 : 1.0; (void)tag; return v * f; }

/*
CHECK: unsigned long count(unsigned long n) { {{.*}}return (unsigned long)orch_w_ret_u64(&__orch_span_28_38, "orch.return.value", (n + 1)); }
*/
unsigned long count(unsigned long n) { return n + 1; }
/*
CHECK: const char *pick(int i) { {{.*}}return (const char *)orch_w_ret_cstr(&__orch_span_32_25, "orch.return.value", (i ? "yes" : "no")); }
*/
const char *pick(int i) { return i ? "yes" : "no"; }
/*
CHECK: enum unit unit_of(int i) { {{.*}}return (enum unit)orch_w_ret_{{[iu]}}64(&__orch_span_36_26, "orch.return.value", (i ? CM : MM)); }
*/
enum unit unit_of(int i) { return i ? CM : MM; }
/*
CHECK: void report(void) { static orch_site {{.*}}; __attribute__((cleanup(orch_w_end), unused)) orch_span __orch_span_40_19 = orch_w_start(&__orch_site_40_19);  int a = 1; printf("report %d\n", a); }
*/
void report(void) { int a = 1; printf("report %d\n", a); }
static int twice(int x) { return 2 * x; }

int main(void) {
  report();
  printf("%g %lu %s %d %d\n", scale(1.5, unit_of(1), "t"), count(41), pick(0), (int)unit_of(0), twice(2));
  return 0;
}
/*
OUT: report 1
*/
/*
OUT-NEXT: 15 42 no 0 4
*/
/*
OUT-NEXT: exit=0
*/
/*
CHECK-NOT: ::orch
*/
