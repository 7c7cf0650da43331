/* The matching function is in a header; this file does not name it. */
#include "lib.h"
int use(void) { return 0; }
