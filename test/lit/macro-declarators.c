// Functions whose declarator comes from a macro while their body's braces are
// written in the file (check's START_TEST, handler macros; googletest's TEST
// in macro-declarators-gtest.test) are instrumented, their spans at the
// body's line. A body whose braces come from a macro is left alone.
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %orch explain %s -- %cc -I%S/Inputs/macro-declarators -c %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-tree %cc %s %t.gcc -I%S/Inputs/macro-declarators | FileCheck %s --check-prefix=TREE
// RUN: env ORCH_CONFIG=%S/Inputs/all.yaml %check-tree %clang %s %t.clang -I%S/Inputs/macro-declarators | FileCheck %s --check-prefix=TREE
#include <stdio.h>

#include "check_like.h"
#define WHOLE_FUNCTION(name) static int name(void) { return 7; }

START_TEST(test_add)
{
  printf("add\n");
}
END_TEST

DEFINE_HANDLER(get) { return v + 1; }

WHOLE_FUNCTION(seven)

int main(void) {
  test_add->fn(0);
  return handle_get(1) + seven() - 9;
}
// EXPLAIN: macro-declarators.c:13: test_add_fn (function): instrumented by aspect 'all'
// EXPLAIN: macro-declarators.c:19: handle_get (function): instrumented by aspect 'all'
// EXPLAIN: macro-declarators.c:21: seven (function): not instrumented
// EXPLAIN-NEXT: never instrumented: body written by a macro
// TREE:      add
// TREE-NEXT: trace
// TREE-NEXT:   main
// TREE-NEXT:     test_add_fn
// TREE-NEXT:     handle_get
