/* The shape of check 0.15's START_TEST/END_TEST (Debian's check.h): the
   declarator, and declarations before it, come from the macro; the body's
   braces are the user's. */
typedef struct {
  const char *name;
  void (*fn)(int);
} TTest;
#define START_TEST(__testname) \
  static void __testname##_fn(int _i __attribute__((unused))); \
  static const TTest __testname##_ttest = {"" #__testname, __testname##_fn}; \
  static const TTest *__testname = &__testname##_ttest; \
  static void __testname##_fn(int _i __attribute__((unused)))
#define END_TEST
#define DEFINE_HANDLER(x) int handle_##x(int v)
