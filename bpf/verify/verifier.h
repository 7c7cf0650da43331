// `orch verify` from options to report: reads the manifest, plans the probes,
// runs the three modes interleaved, tallies spans and probes, calibrates.
#pragma once

#include <functional>
#include <string>

#include "verify/options.h"
#include "verify/report.h"

namespace orch::verify {

// Progress lines go to `progress`. Throws std::runtime_error when the
// verification cannot be done at all (no manifest, BPF load failure, ...);
// failures of the program under test are recorded in Report::problems.
Report run_verification(const Options &options, const std::function<void(const std::string &)> &progress);

} // namespace orch::verify
