#pragma once
// An overlay that adds to the header of the same name further down the path.
#include_next <lib/cfg.h>
namespace lib {
inline int cfg() { return LIB_CFG_BASE * 3; }
}  // namespace lib
