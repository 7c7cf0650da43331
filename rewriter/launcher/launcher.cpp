#include "launcher/launcher.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "aspects/config_loader.h"
#include "launcher/compile_command.h"
#include "launcher/depfile.h"
#include "launcher/install_layout.h"
#include "launcher/process.h"
#include "launcher/unit_job.h"

namespace fs = std::filesystem;

namespace orch {
namespace {

bool env_flag(const char *name) {
  const char *v = std::getenv(name);
  return v && *v && std::string(v) != "0";
}

// Says why a unit is not instrumented. Returns false under ORCH_STRICT=1,
// where that fails the build.
bool warn_not_instrumented(const CompileCommand &cmd, const std::string &why) {
  bool strict = env_flag("ORCH_STRICT");
  std::fprintf(stderr, "orch: %s: %s: not instrumented: %s%s\n", strict ? "error" : "warning", cmd.source().c_str(),
               why.c_str(), strict ? " (ORCH_STRICT=1)" : "; compiling the original source");
  std::fflush(stderr);
  return !strict;
}

// A unit orch cannot rewrite is compiled unchanged (fail open).
[[noreturn]] void fail_open(const CompileCommand &cmd, const std::string &why) {
  if (!warn_not_instrumented(cmd, why)) std::exit(1);
  exec_command(cmd.argv);
}

// The rewritten unit lives beside the object, under the same file name as the
// original (same language, same gcov names), never in the source tree.
std::string write_rewritten(const CompileCommand &cmd, const std::string &text) {
  fs::path dir = fs::absolute(cmd.output + ".orch");
  fs::create_directories(dir);
  fs::path path = dir / fs::path(cmd.source()).filename();
  fs::path tmp = path;
  tmp += ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
  return path.string();
}

std::vector<std::string> rewritten_command(const CompileCommand &cmd, const std::string &rewritten) {
  std::vector<std::string> argv = cmd.argv;
  argv[cmd.source_index] = rewritten;
  std::string original_dir = fs::absolute(cmd.source()).parent_path().lexically_normal().string();
  std::string rewritten_dir = fs::path(rewritten).parent_path().string();
  // `#include "x.h"` looks next to the including file first: keep that working,
  // and let debug info name the original directory.
  argv.insert(argv.begin() + cmd.source_index,
              {"-iquote", original_dir, "-fdebug-prefix-map=" + rewritten_dir + "=" + original_dir});
  return argv;
}

}  // namespace

int run_launcher(const std::vector<std::string> &argv) {
  if (env_flag("ORCH_DISABLE")) exec_command(argv);
  CompileCommand cmd = classify(argv);
  if (!cmd.instrumentable()) exec_command(cmd.argv);

  std::string config_path = config_for_source(cmd.source());
  if (config_path.empty()) exec_command(cmd.argv);

  Config config;
  try {
    config = load_config(config_path, install_layout().builtin_aspects);
  } catch (const ConfigError &e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  if (config.aspects.empty() || is_excluded(config, cmd.source())) exec_command(cmd.argv);

  UnitJobResult job = rewrite_compile_command(cmd, config);
  if (!job.failure.empty()) fail_open(cmd, job.failure);
  if (job.rewrite.text.empty()) exec_command(cmd.argv);

  std::string rewritten;
  try {
    rewritten = write_rewritten(cmd, job.rewrite.text);
  } catch (const std::exception &e) {
    fail_open(cmd, e.what());
  }
  std::string diagnostics;
  if (run_command(rewritten_command(cmd, rewritten), diagnostics) != 0) {
    // The rewrite must never be what breaks a build. If the original does not
    // compile either, the user's own diagnostics are all that matter.
    std::string original_diagnostics;
    int original_status = run_command(cmd.argv, original_diagnostics);
    std::fputs(original_diagnostics.c_str(), stderr);
    if (original_status != 0) return original_status;
    return warn_not_instrumented(cmd, "the rewritten unit did not compile (" + rewritten + "); please report this")
               ? 0
               : 1;
  }
  std::fputs(diagnostics.c_str(), stderr);
  if (cmd.depfile && !fix_depfile(*cmd.depfile, rewritten, cmd.source(), config.input_files)) {
    std::fprintf(stderr, "orch: warning: could not update depfile %s\n", cmd.depfile->c_str());
  }
  return 0;
}

}  // namespace orch
