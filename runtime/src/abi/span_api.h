// The function table handed out by orch_runtime_api_v1().
#pragma once

#include "orch/orch.h"

namespace orch::rt {

extern const orch_api_v1 kApiV1;

}  // namespace orch::rt
