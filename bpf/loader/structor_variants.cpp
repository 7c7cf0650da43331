#include "loader/structor_variants.h"

#include <llvm/Demangle/Demangle.h>

#include <regex>

namespace orch::bpf {

std::vector<std::string> structor_variants(const std::string &symbol) {
  llvm::ItaniumPartialDemangler demangler;
  if (demangler.partialDemangle(symbol.c_str()) || !demangler.isCtorOrDtor())
    return {};
  // The variant code follows the class name and precedes the parameters (E),
  // template arguments (I) or ABI tags (B).
  static const std::regex code("(C[123]|D[012])(?=[EIB])");
  std::smatch found;
  if (!std::regex_search(symbol, found, code))
    return {};
  const char *others = found.str()[0] == 'C' ? "123" : "012";
  std::vector<std::string> variants;
  for (const char *digit = others; *digit; digit++) {
    std::string variant = symbol;
    variant[static_cast<size_t>(found.position()) + 1] = *digit;
    if (variant != symbol)
      variants.push_back(variant);
  }
  return variants;
}

} // namespace orch::bpf
