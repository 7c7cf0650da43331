// Whether a join point could match any function of a unit, decided without
// parsing it: from the words (identifiers and keywords) and the files of the
// unit's project code. The answer "no" must be certain, "maybe" may be wrong:
// a unit answered "no" is compiled without the full Clang parse.
//   - a name glob needs each word of its literal parts inside some word of the
//     unit (a qualified name is made of the unit's words, plus "operator",
//     "lambda@N" and "(anonymous namespace)"); a regex always may match;
//   - a file glob needs a project file of the unit that it matches;
//   - a directive needs its name in a project file's text;
//   - `not` always may match (it can match what the unit does not say).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "aspects/model.h"

namespace orch {

struct UnitSummary {
  std::set<std::string, std::less<>> words;  // identifiers and keywords of the project files' tokens
  std::vector<std::string> files;              // project files, as join points see them (relative to the root)
  std::vector<std::string> texts;              // the project files' text (for directives)
};

bool may_match(const JoinPoint &jp, const UnitSummary &unit);

// The identifier-like words of a text ([A-Za-z_][A-Za-z0-9_]*), into `words`.
void add_words(std::string_view text, std::set<std::string, std::less<>> &words);

}  // namespace orch
