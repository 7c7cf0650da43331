// Configuration problems are reported, never fatal: the caller gets a sensible
// default and the program runs. A Warn receives one human-readable message per
// problem (no "orch:" prefix, no newline).
#pragma once

#include <functional>
#include <string_view>

namespace orch::rt {

using Warn = std::function<void(std::string_view message)>;

// Prints "orch: warning: <message>" on stderr, each distinct message once per process.
void warn_stderr(std::string_view message);

}  // namespace orch::rt
