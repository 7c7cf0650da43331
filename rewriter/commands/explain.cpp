// `orch explain`: which aspect instrumented which function, and for every
// function it did not, why not.
#include <cstdio>

#include "commands/commands.h"
#include "commands/unit_from_args.h"
#include "launcher/unit_job.h"

namespace orch {
namespace {

const char *const kTrivialNote =
    "trivial (at most one statement, no call): its span costs more than its body; `min-statements: 2` on the "
    "join point, or the `metrics-only` advice, would spare it";

}  // namespace

int command_explain(const std::vector<std::string> &args) {
  auto sel = select_unit("explain", args);
  if (!sel) return 2;
  const std::string &source = sel->command.source();
  if (is_excluded(sel->config, source)) {
    std::printf("%s: excluded by orch.yaml (%s)\n", source.c_str(), sel->config.path.c_str());
    return 0;
  }
  UnitJobResult job = rewrite_compile_command(sel->command, sel->config);
  if (!job.failure.empty()) {
    std::printf("%s: not instrumented: %s\n", source.c_str(), job.failure.c_str());
    return 1;
  }
  for (const FunctionReport &f : job.rewrite.functions) {
    if (!f.aspect.empty()) {
      std::printf("%s:%u: %s (%s): instrumented by aspect '%s'\n", f.file.c_str(), f.line, f.qualified_name.c_str(),
                  f.kind.c_str(), f.aspect.c_str());
      for (const auto &note : f.notes) std::printf("    note: %s\n", note.c_str());
      if (f.trivial) std::printf("    note: %s\n", kTrivialNote);
    } else {
      std::printf("%s:%u: %s (%s): not instrumented\n", f.file.c_str(), f.line, f.qualified_name.c_str(),
                  f.kind.c_str());
      for (const auto &reason : f.reasons) std::printf("    %s\n", reason.c_str());
    }
  }
  for (const CallReport &c : job.rewrite.calls) {
    std::string where = c.file + ":" + std::to_string(c.line) + ":" + std::to_string(c.column) + ": " +
                        (c.caller.empty() ? "<namespace scope>" : c.caller) + " -> " + c.callee;
    if (!c.aspect.empty())
      std::printf("%s (call): instrumented by aspect '%s'\n", where.c_str(), c.aspect.c_str());
    else
      std::printf("%s (call): not instrumented\n", where.c_str());
    for (const auto &reason : c.reasons) std::printf("    %s\n", reason.c_str());
    for (const auto &note : c.notes) std::printf("    note: %s\n", note.c_str());
  }
  for (const std::string &error : job.rewrite.errors) std::printf("%s\n", error.c_str());
  std::printf("%zu of %zu functions instrumented\n", job.rewrite.instrumented(), job.rewrite.functions.size());
  size_t trivial = 0;
  for (const FunctionReport &f : job.rewrite.functions) trivial += !f.aspect.empty() && f.trivial;
  if (trivial) std::printf("%zu of them trivial: see their notes\n", trivial);
  if (!job.rewrite.calls.empty())
    std::printf("%zu of %zu calls instrumented\n", job.rewrite.instrumented_calls(), job.rewrite.calls.size());
  return job.rewrite.errors.empty() ? 0 : 1;
}

}  // namespace orch
