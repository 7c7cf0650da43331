#include "aspects/pattern.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Regex.h>

namespace orch {
namespace {

constexpr std::string_view kRegexPrefix = "regex:";

// Translates a glob into an anchored POSIX ERE.
std::string glob_to_regex(std::string_view glob, Pattern::Flavor flavor) {
  std::string re = "^";
  for (size_t i = 0; i < glob.size(); ++i) {
    char c = glob[i];
    if (c == '*') {
      bool double_star = i + 1 < glob.size() && glob[i + 1] == '*';
      if (double_star) ++i;
      if (flavor == Pattern::Flavor::Path && !double_star) {
        re += "[^/]*";
      } else if (flavor == Pattern::Flavor::Path && i + 1 < glob.size() && glob[i + 1] == '/') {
        re += "(.*/)?";  // "**/" also matches no directory at all
        ++i;
      } else {
        re += ".*";
      }
    } else if (c == '?') {
      re += flavor == Pattern::Flavor::Path ? "[^/]" : ".";
    } else {
      if (std::string_view("\\^$.|+()[]{}").find(c) != std::string_view::npos) re += '\\';
      re += c;
    }
  }
  return re + "$";
}

}  // namespace

Pattern Pattern::parse(const std::string &text, Flavor flavor, std::string &error) {
  std::string_view view(text);
  bool is_regex = view.substr(0, kRegexPrefix.size()) == kRegexPrefix;
  std::string re = is_regex ? std::string(view.substr(kRegexPrefix.size())) : glob_to_regex(view, flavor);
  auto regex = std::make_shared<llvm::Regex>(llvm::StringRef(re));
  Pattern p;
  if (!regex->isValid(error)) {
    error = "invalid regular expression '" + re + "': " + error;
    return p;
  }
  p.text_ = text;
  p.regex_ = std::move(regex);
  return p;
}

bool Pattern::matches(std::string_view subject) const {
  return regex_ && regex_->match(llvm::StringRef(subject.data(), subject.size()));
}

}  // namespace orch
