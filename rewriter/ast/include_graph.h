// Every #include directive of a unit, as the preprocessor resolved it: which
// file holds it, where its file name is written, what it found. The header
// rewrite needs this to point the directives that lead to a rewritten header
// at the copy (and the copies' own includes at the originals).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace clang {
class FileEntry;
class Preprocessor;
}  // namespace clang

namespace orch {

struct IncludeDirective {
  const clang::FileEntry *includer = nullptr;  // null: the command line (-include) or a predefines buffer
  const clang::FileEntry *target = nullptr;    // what it resolved to (null: not found)
  size_t name_offset = 0;                      // the written "x.h" or <x.h> in the includer, delimiters included
  size_t name_length = 0;
  bool angled = false;
  bool next = false;             // #include_next
  size_t keyword_offset = 0;     // of `include_next`
  std::string not_redirectable;  // non-empty: a macro-computed name, which orch cannot rewrite
};

// A `__has_include("...")` as the preprocessor evaluated it: a quoted name is
// looked up beside the file first, so a copy elsewhere must name what it found.
struct HasIncludeCheck {
  const clang::FileEntry *includer = nullptr;
  const clang::FileEntry *target = nullptr;  // what it found (null: nothing)
  size_t name_offset = 0;                    // the written "x.h", quotes included
  size_t name_length = 0;
};

// A file the preprocessor entered.
struct EnteredFile {
  std::string spelling;  // the name the unit knows it by (__FILE__, depfiles), from its first entry
  std::string path;      // absolute, normalized
  bool system = false;   // a system header (-isystem, system directories, #pragma GCC system_header)
};

struct IncludeGraph {
  std::vector<IncludeDirective> directives;
  std::vector<HasIncludeCheck> has_include_checks;
  std::map<const clang::FileEntry *, EnteredFile> files;
  // Files whose meaning depends on their own directory in a way orch does not
  // rewrite (`__has_include_next`, a `__has_include` whose name a macro
  // gives, `#embed`): a copy elsewhere would differ.
  std::map<const clang::FileEntry *, std::string> directory_dependent;
};

// Records the preprocessor's directives into `graph` while it runs.
void record_includes(clang::Preprocessor &pp, IncludeGraph &graph);

}  // namespace orch
