#include "shared.h"

namespace proof {

int twice_in_library(int x) { return twice(x) + twice(x + 1); }

} // namespace proof
