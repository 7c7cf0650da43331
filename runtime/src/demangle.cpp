#include "demangle.h"

#include <cxxabi.h>

#include <cstdlib>

namespace orch::rt {

std::string demangle(const std::string &mangled) {
  int status = 0;
  char *name = abi::__cxa_demangle(mangled.c_str(), nullptr, nullptr, &status);
  std::string readable = (status == 0 && name) ? name : mangled;
  std::free(name);
  return readable;
}

}  // namespace orch::rt
