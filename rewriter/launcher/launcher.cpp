#include "launcher/launcher.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "aspects/config_loader.h"
#include "launcher/compile_command.h"
#include "launcher/depfile.h"
#include "launcher/install_layout.h"
#include "launcher/original_names.h"
#include "launcher/plain_diagnostics.h"
#include "launcher/precheck.h"
#include "launcher/process.h"
#include "launcher/split_command.h"
#include "launcher/trivial_summary.h"
#include "launcher/unit_job.h"
#include "weave/edits.h"

namespace fs = std::filesystem;

namespace orch {
namespace {

bool env_flag(const char *name) {
  const char *v = std::getenv(name);
  return v && *v && std::string(v) != "0";
}

// Says why a unit is not instrumented. Returns false under ORCH_STRICT=1,
// where that fails the build.
bool warn_not_instrumented(const std::string &source, const std::string &why) {
  bool strict = env_flag("ORCH_STRICT");
  std::fprintf(stderr, "orch: %s: %s: not instrumented: %s%s\n", strict ? "error" : "warning", source.c_str(),
               why.c_str(), strict ? " (ORCH_STRICT=1)" : "; compiling the original source");
  std::fflush(stderr);
  return !strict;
}

// Names orch.yaml and every aspect file in the unit's depfile, beside the
// originals of the copies the compiler read: an aspect edit must recompile
// every unit it may change, instrumented or not yet.
void fix_unit_depfile(const CompileCommand &cmd, const Config &config, const CopiedFiles &copies) {
  if (cmd.depfile && !fix_depfile(*cmd.depfile, copies, config.input_files)) {
    std::fprintf(stderr, "orch: warning: could not update depfile %s\n", cmd.depfile->c_str());
  }
}

// A unit under orch.yaml that is not rewritten is compiled unchanged; its
// depfile still names the aspect files.
int compile_original(const CompileCommand &cmd, const Config &config) {
  std::string diagnostics;
  int status = run_command(cmd.argv, diagnostics);
  std::fputs(diagnostics.c_str(), stderr);
  if (status == 0) fix_unit_depfile(cmd, config, {});
  return status;
}

// A unit orch cannot rewrite is compiled unchanged (fail open).
int fail_open(const CompileCommand &cmd, const Config &config, const std::string &why) {
  if (!warn_not_instrumented(cmd.source(), why)) return 1;
  return compile_original(cmd, config);
}

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const fs::path &path, const std::string &text) {
  fs::create_directories(path.parent_path());
  fs::path tmp = path;
  tmp += ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
}

// The rewritten unit (rewritten_path) and its header copies, never in the
// source tree (copies of an earlier build that this one does not use are
// removed).
void write_rewritten(const CompileCommand &cmd, const UnitRewrite &rewrite, const std::string &rewritten) {
  fs::remove_all(fs::path(copy_dir(cmd)) / "orch-headers");
  for (const HeaderCopy &header : rewrite.headers) write_file(header.copy, header.text);
  write_file(rewritten, rewrite.text);
}

std::vector<std::string> rewritten_command(const CompileCommand &cmd, const Config &config,
                                           const std::string &rewritten) {
  std::vector<std::string> argv = cmd.argv;
  argv[cmd.source_index] = rewritten;
  // What the weave header needs from orch, defined here rather than in the
  // unit so that its prelude is one line.
  argv.insert(argv.begin() + cmd.source_index,
              "-DORCH_RUNTIME_PATH=" + c_string_literal(install_layout().runtime_library));
  if (!config.service.empty())
    argv.insert(argv.begin() + cmd.source_index, "-DORCH_SERVICE_NAME=" + c_string_literal(config.service));
  // `#include "x.h"` looks next to the including file first: keep that working.
  std::string original_dir = fs::absolute(cmd.source()).parent_path().lexically_normal().string();
  argv.insert(argv.begin() + cmd.source_index, {"-iquote", original_dir});
  // Last, so that these maps win over the command's own for the rewritten unit's directory.
  for (std::string &flag : original_name_flags(cmd, rewritten)) argv.push_back(std::move(flag));
  return argv;
}

// The unit's trivial instrumented functions, in its build target's summary.
void report_trivial_functions(const CompileCommand &cmd, const UnitRewrite &rewrite) {
  TrivialCounts counts;
  for (const FunctionReport &f : rewrite.functions) {
    if (f.aspect.empty()) continue;
    ++counts.instrumented;
    if (f.trivial) ++counts.trivial_by_aspect[f.aspect];
  }
  const std::string object =
      cmd.output.empty() ? fs::path(cmd.source()).filename().replace_extension(".o").string() : cmd.output;
  const std::string line = record_trivial_functions(object, counts);
  if (!line.empty()) std::fputs(line.c_str(), stderr);
}

// One single-source compile, rewritten when orch.yaml asks; the exit status.
int compile_unit(const CompileCommand &cmd) {
  std::string config_path = config_for_source(cmd.source());
  if (config_path.empty()) return run_inherited(cmd.argv);

  Config config;
  try {
    config = load_config(config_path, install_layout().builtin_aspects);
  } catch (const ConfigError &e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  if (config.aspects.empty() || is_excluded(config, cmd.source()) || !unit_may_match(cmd, config))
    return compile_original(cmd, config);

  UnitJobResult job = rewrite_compile_command(cmd, config);
  if (!job.failure.empty()) return fail_open(cmd, config, job.failure);
  // A mistake of the aspects (a replacement that cannot take the call) is the
  // user's to fix, like bad YAML: compiling unchanged would drop what was asked.
  for (const std::string &error : job.rewrite.errors) std::fprintf(stderr, "%s\n", error.c_str());
  if (!job.rewrite.errors.empty()) return 1;
  report_trivial_functions(cmd, job.rewrite);
  if (job.rewrite.text.empty()) return compile_original(cmd, config);

  const std::string rewritten = rewritten_path(cmd);
  try {
    write_rewritten(cmd, job.rewrite, rewritten);
  } catch (const std::exception &e) {
    return fail_open(cmd, config, e.what());
  }
  std::string diagnostics;
  if (run_command(rewritten_command(cmd, config, rewritten), diagnostics) != 0) {
    // The rewrite must never be what breaks a build. If the original does not
    // compile either, the user's own diagnostics are all that matter.
    if (int original_status = compile_original(cmd, config)) return original_status;
    return warn_not_instrumented(cmd.source(), "the rewritten unit did not compile (" + rewritten + "); please report this")
               ? 0
               : 1;
  }
  if (!diagnostics.empty())  // the source is read again only to show a diagnostic's line
    std::fputs(plain_diagnostics(cmd, diagnostics, rewritten, job.rewrite, read_file(cmd.source())).c_str(), stderr);
  CopiedFiles copies = {{rewritten, cmd.source()}};
  for (const HeaderCopy &header : job.rewrite.headers) copies.emplace_back(header.copy, header.spelling);
  fix_unit_depfile(cmd, config, copies);
  return 0;
}

// Several sources, or compile and link in one command: each source compiled
// as its own unit, then the link over the objects.
int compile_in_steps(const CompileCommand &cmd) {
  std::string why_not;
  SplitCommand split = split_command(cmd, why_not);
  if (!why_not.empty()) {
    const std::string &first_source = cmd.argv[cmd.sources().front()];
    if (!config_for_source(first_source).empty() && !warn_not_instrumented(first_source, why_not)) return 1;
    exec_command(cmd.argv);
  }
  int status = 0;
  for (const auto &compile : split.compiles)
    if ((status = compile_unit(classify(compile))) != 0) break;
  if (status == 0 && !split.link.empty()) status = run_inherited(split.link);
  std::error_code ignored;
  if (!split.object_dir.empty()) fs::remove_all(split.object_dir, ignored);
  return status;
}

}  // namespace

int run_launcher(const std::vector<std::string> &argv) {
  if (env_flag("ORCH_DISABLE")) exec_command(argv);
  CompileCommand cmd = classify(argv);
  if (cmd.instrumentable()) return compile_unit(cmd);
  if (!cmd.sources().empty() && !cmd.preprocesses) return compile_in_steps(cmd);
  exec_command(cmd.argv);
}

}  // namespace orch
