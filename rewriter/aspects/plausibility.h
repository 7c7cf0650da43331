// What join points may ask about a unit before it is parsed
// (JoinPoint::may_match): the words (identifiers and keywords) and the files
// of the unit's project code. The answer "no" must be certain, "maybe" may be
// wrong: a unit no aspect may match is compiled without the full Clang parse.
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

// A name glob needs each word of its literal parts inside some word of the
// unit (a qualified name is made of the unit's words, plus "operator",
// "lambda@N" and "(anonymous namespace)"); a regex always may match.
bool name_may_match(const Pattern &p, const UnitSummary &unit);
// A file glob needs a project file of the unit that it matches.
bool file_may_match(const Pattern &p, const UnitSummary &unit);
// Whether a project file's text contains `text` (directives).
bool text_may_contain(std::string_view text, const UnitSummary &unit);

// The identifier-like words of a text ([A-Za-z_][A-Za-z0-9_]*), into `words`.
void add_words(std::string_view text, std::set<std::string, std::less<>> &words);

}  // namespace orch
