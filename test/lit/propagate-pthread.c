/* propagate-context in C: pthread_create's start routine and its argument are
 * bundled with the current context; the thread's spans are children of the span
 * that created it. Without a current span (or memory) the call is made as
 * written. Strict C99 and gnu11, gcc and clang, no new warning. */
/*
RUN: env ORCH_CONFIG=%S/Inputs/propagate-c.yaml %orch diff --full %s -- %cc -std=c99 -c %s | grep -v "^[A-Z-]*:" | FileCheck %s
*/
/*
RUN: env ORCH_CONFIG=%S/Inputs/propagate-c.yaml %check-same %cc %s %t.gcc -std=c99 -pedantic -O2 -Wall -Wextra -Werror | FileCheck %s --check-prefix=OUT
*/
/*
RUN: env ORCH_CONFIG=%S/Inputs/propagate-c.yaml %check-same %clang %s %t.clang -std=gnu11 -Wall -Wextra -Werror | FileCheck %s --check-prefix=OUT
*/
/*
RUN: env ORCH_CONFIG=%S/Inputs/propagate-c.yaml %check-tree %cc %s %t.run -std=gnu11 | FileCheck %s --check-prefix=TREE
*/
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>

static int leaf(int x) { return x * 2; }

static void *start(void *arg) {
  int *value = (int *)arg;
  *value = leaf(*value);
  return arg;
}

static int handle(int x) {
  pthread_t thread;
  void *result = NULL;
  int value = x;
  /* CHECK: if (__extension__ ({ pthread_t * __orch_a0 = (&thread); const pthread_attr_t * __orch_a1 = (NULL); void *(*__orch_a2)(void *) = (start); void * __orch_a3 = (&value); void *__orch_b = orch_w_ctx_bundle(__orch_a2, __orch_a3); __orch_b ? orch_w_ctx_created(pthread_create(__orch_a0, __orch_a1, orch_w_ctx_start, __orch_b), __orch_b) : pthread_create(__orch_a0, __orch_a1, __orch_a2, __orch_a3); }) != 0) return -1;
   */
  if (pthread_create(&thread, NULL, start, &value) != 0) return -1;
  pthread_join(thread, &result);
  return *(int *)result;
}

int main(void) {
  pthread_t before;
  int value = 1;
  /* No span is current here: the call is made as written. */
  pthread_create(&before, NULL, start, &value);
  pthread_join(before, NULL);
  printf("%d %d\n", value, handle(21));
  return 0;
}

/* OUT: 2 42
 * OUT-NEXT: exit=0
 */

/* The thread started before any span has a trace of its own.
 * TREE: 2 42
 * TREE-NEXT: trace
 * TREE-NEXT: {{^}}  leaf arg.x=1{{$}}
 * TREE-NEXT: trace
 * TREE-NEXT: {{^}}  handle arg.x=21{{$}}
 * TREE-NEXT: {{^}}    leaf arg.x=21{{$}}
 */
