/* The function's name exists only after token pasting. */
#define NAME(n) fn_##n
int NAME(alpha)(void) { return 1; }
