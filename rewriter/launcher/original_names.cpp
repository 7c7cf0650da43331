#include "launcher/original_names.h"

#include <filesystem>
#include <initializer_list>

namespace fs = std::filesystem;

namespace orch {
namespace {

// `path` through the command's prefix maps of the given options, as GCC and
// Clang apply them: the last map whose old prefix starts the path wins.
std::string remap(const std::string &path, const CompileCommand &cmd, std::initializer_list<std::string_view> options) {
  std::string out = path;
  for (size_t i = cmd.compiler_index + 1; i < cmd.argv.size(); ++i) {
    const std::string &arg = cmd.argv[i];
    for (std::string_view option : options) {
      if (arg.rfind(option, 0) != 0) continue;
      const std::string map = arg.substr(option.size());
      const size_t eq = map.find('=');
      if (eq == std::string::npos) continue;
      const std::string old_prefix = map.substr(0, eq);
      if (path.rfind(old_prefix, 0) == 0) out = map.substr(eq + 1) + path.substr(old_prefix.size());
    }
  }
  return out;
}

// The prefix that turns the rewritten unit's path into the name the plain
// build gives the source: the source's spelling, through the command's maps.
std::string mapped_prefix(const CompileCommand &cmd, std::initializer_list<std::string_view> options) {
  const std::string name = remap(cmd.source(), cmd, options);
  const std::string file = fs::path(cmd.source()).filename().string();
  if (name.size() >= file.size() && name.compare(name.size() - file.size(), file.size(), file) == 0)
    return name.substr(0, name.size() - file.size());
  return fs::path(name).parent_path().string() + "/";
}

bool has_coverage(const CompileCommand &cmd) {
  for (const std::string &arg : cmd.argv)
    if (arg == "--coverage" || arg == "-ftest-coverage" || arg == "-fprofile-arcs" || arg == "-fcoverage-mapping")
      return true;
  return false;
}

}  // namespace

std::vector<std::string> original_name_flags(const CompileCommand &cmd, const std::string &rewritten) {
  const std::string dir = fs::path(rewritten).parent_path().string() + "/";
  std::vector<std::string> flags = {
      "-fmacro-prefix-map=" + dir + "=" + mapped_prefix(cmd, {"-fmacro-prefix-map=", "-ffile-prefix-map="}),
      "-fdebug-prefix-map=" + dir + "=" + mapped_prefix(cmd, {"-fdebug-prefix-map=", "-ffile-prefix-map="})};
  if (has_coverage(cmd)) {
    const std::string option = cmd.is_clang() ? "-fcoverage-prefix-map=" : "-fprofile-prefix-map=";
    flags.push_back(option + dir + "=" + mapped_prefix(cmd, {option, "-ffile-prefix-map="}));
  }
  return flags;
}

}  // namespace orch
