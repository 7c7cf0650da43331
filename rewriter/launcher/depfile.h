// Depfiles written by the compiler for the rewritten unit name the temporary
// copy; users and build tools must see the original source, plus orch.yaml and
// every aspect file (so that editing an aspect rebuilds what it touches).
#pragma once

#include <string>
#include <vector>

namespace orch {

// Rewrites `text` (a Makefile-syntax depfile); exposed for unit tests.
std::string fix_depfile_text(const std::string &text, const std::string &temp_source,
                             const std::string &original_source, const std::vector<std::string> &extra);

// Returns false (and leaves the file) if it cannot be read or written.
bool fix_depfile(const std::string &path, const std::string &temp_source, const std::string &original_source,
                 const std::vector<std::string> &extra);

}  // namespace orch
