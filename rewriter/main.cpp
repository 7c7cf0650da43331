// orch: compile-time OpenTelemetry instrumentation for C and C++.
//
//   orch <compiler> <args...>      the compiler launcher (CMAKE_<LANG>_COMPILER_LAUNCHER=orch)
//   orch explain ...               what was instrumented and why (not)
//   orch diff ...                  the rewrite of one unit
//   orch manifest FILE...          the instrumented functions of a program, library or archive
//   orch verify ...                the plain build under eBPF uprobes vs the orch build's spans
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "commands/commands.h"
#include "launcher/launcher.h"

namespace {

void usage() {
  std::fputs("usage: orch <compiler> <args...>        compile through orch (a compiler launcher)\n"
             "       orch explain [-p BUILD_DIR] FILE [-- COMPILER ARGS...]\n"
             "       orch diff [--full] [-p BUILD_DIR] FILE [-- COMPILER ARGS...]\n"
             "       orch manifest FILE...            (programs, shared libraries, objects, archives)\n"
             "       orch verify --plain P --instrumented I [--runs N] [--json F] [--html F] [--workload CMD] -- ARGS\n"
             "       orch --version\n",
             stderr);
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    usage();
    return argc < 2 ? 2 : 0;
  }
  std::string first = argv[1];
  std::vector<std::string> rest(argv + 2, argv + argc);
  if (first == "--version") {
    std::printf("orch %s\n", ORCH_VERSION);
    return 0;
  }
  if (first == "explain") return orch::command_explain(rest);
  if (first == "diff") return orch::command_diff(rest);
  if (first == "manifest") return orch::command_manifest(rest);
  if (first == "verify") return orch::command_verify(rest);
  return orch::run_launcher(std::vector<std::string>(argv + 1, argv + argc));
}
