// Depfiles written by the compiler for the rewritten unit name the rewritten
// copies (of the source and of headers); users and build tools must see the
// originals, plus orch.yaml and every aspect file (so that editing an aspect
// rebuilds what it touches).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace orch {

// (copy, original) pairs.
using CopiedFiles = std::vector<std::pair<std::string, std::string>>;

// Rewrites `text` (a Makefile-syntax depfile); exposed for unit tests.
std::string fix_depfile_text(const std::string &text, const CopiedFiles &copies, const std::vector<std::string> &extra);

// Returns false (and leaves the file) if it cannot be read or written.
bool fix_depfile(const std::string &path, const CopiedFiles &copies, const std::vector<std::string> &extra);

}  // namespace orch
