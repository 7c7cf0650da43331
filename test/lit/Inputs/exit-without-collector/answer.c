/* A program with two spans and their metrics, for a run with no collector. */
#include <stdio.h>
static int twice(int x) { int y = x * 2; return y; }
int main(void) { printf("%d\n", twice(21)); return 0; }
