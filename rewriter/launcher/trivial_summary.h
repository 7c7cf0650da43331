// One line per build target, not per unit, when the aspects instrument many
// trivial functions (at most one statement, no call: a span costs more than
// such a body). Each rewritten unit records its counts in a tally file of its
// target (CMake's `CMakeFiles/NAME.dir`, else the object's directory); the
// compile that brings the target's total to kTrivialSummaryAt or more prints
// the line, so a build prints it once and later builds only if the total
// falls below and rises again.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace orch {

inline constexpr size_t kTrivialSummaryAt = 20;

// What one unit instrumented.
struct TrivialCounts {
  size_t instrumented = 0;
  std::map<std::string, size_t> trivial_by_aspect;
};

// Records the unit whose object is `object` in its target's tally; returns
// the summary line to print (with its newline), or "".
std::string record_trivial_functions(const std::string &object, const TrivialCounts &unit);

}  // namespace orch
