#include "commands/unit_from_args.h"

#include <clang/Tooling/JSONCompilationDatabase.h>

#include <cstdio>
#include <filesystem>

#include "aspects/config_loader.h"
#include "launcher/install_layout.h"

namespace fs = std::filesystem;

namespace orch {

std::optional<UnitSelection> select_unit(const std::string &name, const std::vector<std::string> &args) {
  std::string build_dir, file;
  std::vector<std::string> compile;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") {
      compile.assign(args.begin() + i + 1, args.end());
      break;
    }
    if (args[i] == "-p" && i + 1 < args.size()) build_dir = args[++i];
    else file = args[i];
  }
  if (file.empty() || (compile.empty() && build_dir.empty())) {
    std::fprintf(stderr, "usage: orch %s [-p BUILD_DIR] FILE [-- COMPILER ARGS...]\n", name.c_str());
    return std::nullopt;
  }
  if (compile.empty()) {
    std::string error;
    auto db = clang::tooling::JSONCompilationDatabase::loadFromFile(
        build_dir + "/compile_commands.json", error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
    if (!db) {
      std::fprintf(stderr, "orch %s: %s\n", name.c_str(), error.c_str());
      return std::nullopt;
    }
    auto commands = db->getCompileCommands(fs::absolute(file).string());
    if (commands.empty()) {
      std::fprintf(stderr, "orch %s: %s is not in %s/compile_commands.json\n", name.c_str(), file.c_str(),
                   build_dir.c_str());
      return std::nullopt;
    }
    fs::current_path(commands.front().Directory);
    compile = commands.front().CommandLine;
    // CMake records the launcher in compile_commands.json only through
    // CMAKE_<LANG>_COMPILER_LAUNCHER, which it leaves out; nothing to strip.
  } else if (std::find(compile.begin(), compile.end(), file) == compile.end()) {
    compile.push_back(file);
  }
  UnitSelection sel;
  sel.command = classify(compile);
  if (!sel.command.instrumentable()) {
    // Allow `-- g++ -std=c++17` without -c: explain/diff only need a parse.
    compile.push_back("-c");
    sel.command = classify(compile);
  }
  if (!sel.command.instrumentable()) {
    std::fprintf(stderr, "orch %s: not a single C/C++ compile: %s\n", name.c_str(), sel.command.pass_reason.c_str());
    return std::nullopt;
  }
  std::string config_path = config_for_source(sel.command.source());
  if (config_path.empty()) {
    std::fprintf(stderr, "orch %s: no orch.yaml above %s (set ORCH_CONFIG)\n", name.c_str(),
                 sel.command.source().c_str());
    return std::nullopt;
  }
  try {
    sel.config = load_config(config_path, install_layout().builtin_aspects);
  } catch (const ConfigError &e) {
    std::fprintf(stderr, "%s\n", e.what());
    return std::nullopt;
  }
  return sel;
}

}  // namespace orch
