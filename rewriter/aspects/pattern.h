// Name and path patterns used by join points and `exclude:`.
//   glob:  `*` any run of characters, `?` one character; for paths `*` stops
//          at '/', `**` crosses directories.
//   regex: "regex:<ERE>", unanchored (use ^ and $ to anchor).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace llvm { class Regex; }

namespace orch {

class Pattern {
public:
  enum class Flavor { Name, Path };
  // Returns an error message in `error` (and an empty pattern) if invalid.
  static Pattern parse(const std::string &text, Flavor flavor, std::string &error);

  bool matches(std::string_view subject) const;
  const std::string &text() const { return text_; }

private:
  std::string text_;
  std::shared_ptr<llvm::Regex> regex_;
};

}  // namespace orch
