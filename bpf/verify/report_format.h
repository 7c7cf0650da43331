// Number formatting shared by the text and HTML reports.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "verify/report.h"

namespace orch::verify {

std::string format_duration_ns(double ns);       // "850 ns", "12.3 us", "4.56 ms", "1.20 s"
std::string format_number(double value, int digits); // fixed, `digits` after the point
// "0.0031 [0.0029-0.0040]"
std::string format_spread(const Spread &spread, int digits);
// mode / plain of the medians: "1.42x" ("-" when plain is 0).
std::string format_ratio(double mode, double plain);
// Every status, problems first.
inline const std::array<std::string, 7> kStatuses = {"mismatch", "no-symbol", "match", "partly-inlined",
                                                     "inlined", "not-called", "uncounted"};
// "18 functions: 16 match, 0 mismatch, 1 inlined, 1 no-symbol; 3 call sites: 3 match, ..."
std::string status_summary(const Report &report);
// "caller -> callee at file:line:column" (the file's last component).
std::string call_site_name(const FunctionReport &call);
// A per-event CPU cost seen in the program, or why there is none.
std::string in_program(const std::optional<double> &ns);
// The modes in report order: plain, ebpf, instrumented.
std::array<const ModeReport *, 3> modes_of(const Report &report);

} // namespace orch::verify
