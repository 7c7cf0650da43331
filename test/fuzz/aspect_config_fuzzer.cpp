// libFuzzer target: an orch.yaml read by load_config. Every input ends in a
// Config or in a ConfigError whose message starts with "FILE:LINE:COL: error: ";
// another exception, a crash or a hang is a finding.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "aspects/config_loader.h"

namespace {

// One orch.yaml in a directory of the fuzzer's own, rewritten for each input.
const std::string &config_path() {
  static const std::string path = [] {
    char dir[] = "/tmp/orch-fuzz-aspects-XXXXXX";
    if (!mkdtemp(dir)) std::abort();
    return std::string(dir) + "/orch.yaml";
  }();
  return path;
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "FILE:LINE:COL: error: WHAT", WHAT not empty.
bool has_location(std::string_view message) {
  const size_t error = message.find(": error: ");
  if (error == std::string_view::npos || error + 9 == message.size()) return false;
  const std::string_view location = message.substr(0, error);
  const size_t col = location.rfind(':');
  if (col == std::string_view::npos || !all_digits(location.substr(col + 1))) return false;
  const size_t line = location.rfind(':', col - 1);
  return line != std::string_view::npos && line > 0 && all_digits(location.substr(line + 1, col - line - 1));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string &path = config_path();
  FILE *file = std::fopen(path.c_str(), "wb");
  if (!file) std::abort();
  std::fwrite(data, 1, size, file);
  std::fclose(file);
  try {
    orch::load_config(path, ORCH_FUZZ_BUILTIN_DIR);
  } catch (const orch::ConfigError &e) {
    if (!has_location(e.what())) {
      std::fprintf(stderr, "ConfigError without FILE:LINE:COL: error: %s\n", e.what());
      std::abort();
    }
  }
  return 0;
}
