// Readable C++ type names (exception.type, error.type) from std::type_info::name().
#pragma once

#include <string>

namespace orch::rt {

// The demangled name, or `mangled` itself when it is not a mangled name.
std::string demangle(const std::string &mangled);

}  // namespace orch::rt
