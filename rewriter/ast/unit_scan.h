// The cheap look at a unit before the full parse: preprocessing only (no
// parsing, no semantic analysis), collecting the words and the files of the
// project's code, for aspects/plausibility.h.
#pragma once

#include <optional>

#include "aspects/plausibility.h"
#include "ast/unit_parser.h"

namespace orch {

// nullopt when the unit cannot be preprocessed (the full parse will say why).
std::optional<UnitSummary> scan_unit(const ParseRequest &request, const Config &config);

}  // namespace orch
