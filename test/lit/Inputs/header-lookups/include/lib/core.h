#pragma once
// Probes beside itself, as {fmt}'s core header does.
#if __has_include("compat/sv.h")
#include "compat/sv.h"
#define LIB_HAS_SV 1
#else
#define LIB_HAS_SV 0
#endif
#if __has_include("compat/missing.h")
#define LIB_HAS_MISSING 1
#else
#define LIB_HAS_MISSING 0
#endif
#if __has_include(<stdio.h>)
#include <stdio.h>
#endif
#include "cfg_user.h"
namespace lib {
inline int features() { return LIB_HAS_SV * 10 + LIB_HAS_MISSING; }
inline int version() { return sv_version() + features(); }
}  // namespace lib
