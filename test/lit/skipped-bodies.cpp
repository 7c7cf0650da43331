// orch's parse skips the bodies of functions defined outside the project's files
// (system headers, headers outside orch.yaml's directory): it never instruments
// them. The try/catch decision for a project function that calls them reads their
// declarations (exception specifications) only: a skipped body is unknown, so a call
// to a function not declared noexcept keeps the try/catch even when its body could
// not throw (sb_outside_plain), where a body in the unit would be followed.
// The first RUN shows that the skipped bodies are not parsed at all: with
// sys_never_parsed.h, whose bodies no compiler accepts, orch still rewrites the unit.
// RUN: env ORCH_CONFIG=%S/Inputs/skipped-bodies/project/orch.yaml %orch diff --full %s -- %cxx -std=c++17 -isystem %S/Inputs/skipped-bodies/sys -I%S/Inputs/skipped-bodies/outside -I%S/Inputs/skipped-bodies/project -DWITH_UNPARSABLE_BODIES -c %s | grep -v "^// " | FileCheck %s
// RUN: env ORCH_CONFIG=%S/Inputs/skipped-bodies/project/orch.yaml %check-same %cxx %s %t.gcc -std=c++17 -isystem %S/Inputs/skipped-bodies/sys -I%S/Inputs/skipped-bodies/outside -I%S/Inputs/skipped-bodies/project | FileCheck %s --check-prefix=OUT
// RUN: env ORCH_CONFIG=%S/Inputs/skipped-bodies/project/orch.yaml %check-same %clangxx %s %t.clang -std=c++17 -isystem %S/Inputs/skipped-bodies/sys -I%S/Inputs/skipped-bodies/outside -I%S/Inputs/skipped-bodies/project | FileCheck %s --check-prefix=OUT
#include <outside_lib.h>
#include <proj_lib.h>
#include <sys_lib.h>
#ifdef WITH_UNPARSABLE_BODIES
#include <sys_never_parsed.h>
#endif
#include <cstdio>

// CHECK: int sb_quiet(int a) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return sys_quiet(a) + outside_quiet(a); }
int sb_quiet(int a) { return sys_quiet(a) + outside_quiet(a); }
// CHECK: int sb_loud(int a) { {{.*}} try {  return sys_loud(a);  } catch (...)
int sb_loud(int a) { return sys_loud(a); }
// CHECK: int sb_outside_loud(int a) { {{.*}} try {  return outside_loud(a);  } catch (...)
int sb_outside_loud(int a) { return outside_loud(a); }
// CHECK: int sb_template(int a) { {{.*}} try {  return sys_twice(a);  } catch (...)
int sb_template(int a) { return sys_twice(a); }
// CHECK: int sb_template_nothrow(int a) { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  return sys_twice_nothrow(a); }
int sb_template_nothrow(int a) { return sys_twice_nothrow(a); }
// CHECK: int sb_grumpy() { {{.*}} try {  SysGrumpy g; return g.v;  } catch (...)
int sb_grumpy() { SysGrumpy g; return g.v; }
// CHECK: int sb_outside_plain(int a) { {{.*}} try {  return outside_plain(a);  } catch (...)
int sb_outside_plain(int a) { return outside_plain(a); }
// Parsed although outside: a constexpr body (the static_assert needs its value) and
// a deduced return type; sys_deduced is not noexcept, but its body, parsed, cannot throw.
// CHECK: int sb_constants() { {{.*}}ScopedSpan __orch_span_{{[0-9_]+}}(&__orch_site_{{[0-9_]+}});  static_assert(sys_square(3) == 9, ""); return sys_deduced(1); }
int sb_constants() { static_assert(sys_square(3) == 9, ""); return sys_deduced(1); }
// The project header's function is instrumented in its copy.
// CHECK: inline int sb_in_header(int a) { {{.*}} try {  return sys_loud(a) + 1;  } catch (...)

int main() {
  int total = sb_quiet(1) + sb_loud(2) + sb_outside_loud(3) + sb_template(4) + sb_template_nothrow(5) + sb_grumpy();
  total += sb_constants() + sb_in_header(6) + sb_outside_plain(7);
  try {
    sb_loud(-1);
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
  std::printf("%d\n", total);
}
// OUT: caught negative
// OUT: 43
