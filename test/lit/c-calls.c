/* Call sites in C: the span lives in a `static __inline__` wrapper defined just
 * before the calling function (C has no lambdas), which the call then names;
 * arguments are evaluated once, by the call, as before. error-unless-return /
 * error-if-return set status ERROR with the value as error.type; record-return
 * records the call's value; replace-function sends the call to a wrapper of the
 * team's, and a span on the same call times the wrapper. Strict C99, gcc and
 * clang, no new warning. */
/*
RUN: env ORCH_CONFIG=%S/Inputs/c-calls.yaml %orch diff --full %s -- %cc -std=c99 -c %s | grep -v "^[A-Z-]*:" | FileCheck %s
*/
/*
RUN: env ORCH_CONFIG=%S/Inputs/c-calls.yaml %check-same %cc %s %t.gcc -std=c99 -pedantic -O2 -Wall -Wextra -Werror -Wdeclaration-after-statement | FileCheck %s --check-prefix=OUT
*/
/*
RUN: env ORCH_CONFIG=%S/Inputs/c-calls.yaml %check-same %clang %s %t.clang -std=c99 -pedantic -Wall -Wextra -Werror -Wdeclaration-after-statement | FileCheck %s --check-prefix=OUT
*/
/*
RUN: env ORCH_CONFIG=%S/Inputs/c-calls.yaml %check-run %cc %s %t.run -std=c99 | FileCheck %s --check-prefix=SPANS
*/
#include <stdio.h>

static int store_exec(void *db, const char *sql) { (void)db; return sql[0] == 'S' ? 0 : 1; }
static int posix_like(int fd) { return fd < 0 ? -1 : fd; }
static long raw_send(int fd, const char *data) { (void)fd; return (long)printf("raw %s\n", data); }
long traced_send(int fd, const char *data) { return raw_send(fd, data); }

static int counter;
static int next(void) { return ++counter; }

/* CHECK: static __inline__ int __orch_call_[[@LINE+6]]_7(void *__orch_a0, const char *__orch_a1) { static const char *const __orch_static_attrs_[[@LINE+6]]_7[] = {"db.system.name", "sqlite"}; static orch_site __orch_site_[[@LINE+6]]_7 = {ORCH_SITE_VERSION, ORCH_KIND_CLIENT, "exec load", "load", "{{.*}}c-calls.c", [[@LINE+6]]u, 1u, __orch_static_attrs_[[@LINE+6]]_7, ORCH_W_NULL, ORCH_SITE_CALL}; __attribute__((cleanup(orch_w_end), unused)) orch_span __orch_span_[[@LINE+6]]_7 = orch_w_start(&__orch_site_[[@LINE+6]]_7); __attribute__((unused)) int __orch_attrs_[[@LINE+6]]_7 = orch_w_attr_cstr(&__orch_span_[[@LINE+6]]_7, "db.query.text", __orch_a1); int __orch_r = store_exec(__orch_a0, __orch_a1); orch_w_return_error(&__orch_span_[[@LINE+6]]_7, !((__orch_r) == (0)), (int64_t)(__orch_r)); return __orch_r; } int load(const char *sql) {
 * CHECK-NEXT: int rc = 0;
 * CHECK-NEXT: if (__orch_call_[[@LINE+4]]_7(NULL, sql) != 0) rc = 1;
 */
int load(const char *sql) {
  int rc = 0;
  if (store_exec(NULL, sql) != 0) rc = 1;
  return rc;
}

int main(void) {
  int fails = load("SELECT 1") + load("DROP x");
  int fd = posix_like(next()) + posix_like(-next());
  /* CHECK: long sent = __orch_call_[[@LINE+3]]_15_1(1, "hello");
   * CHECK: return 0;
   */
  long sent = raw_send(1, "hello");
  printf("%d %d %ld %d\n", fails, fd, sent, counter);
  return 0;
}

/* OUT: raw hello
 * OUT-NEXT: 1 0 10 2
 * OUT-NEXT: exit=0
 */

/* SPANS-DAG: {{^}}  exec load {{.*}} db.system.name="sqlite"  db.query.text="SELECT 1"  (
 * SPANS-DAG: {{^}}  exec load {{.*}} db.query.text="DROP x"  error.type="1"  ({{.*}})  ERROR
 * SPANS-DAG: {{^}}  posix_like {{.*}} orch.return.value=1  (
 * SPANS-DAG: {{^}}  posix_like {{.*}} error.type="-1"  orch.return.value=-1  ({{.*}})  ERROR
 * SPANS-DAG: {{^}}  send {{.*}} arg.data="hello"  (
 */
