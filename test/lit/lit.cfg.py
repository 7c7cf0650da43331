# lit configuration for orch's rewriter tests.
#
# Substitutions:
#   %orch            the orch executable
#   %cxx %cc         the host g++/gcc;   %clangxx %clang  clang-19
#   %check-run       compile-and-run helper: `%check-run COMPILER SRC ARGS...` builds SRC through
#                    orch with ORCH_STRICT=1 (a rewrite that does not compile fails the test),
#                    links it and runs it with the console exporter, stderr to stdout.
#   %check-same      `%check-same COMPILER SRC OUT FLAGS...` builds SRC through orch (strict; must be
#                    rewritten) and plainly, runs both; stdout, stderr (minus "orch: " lines) and
#                    exit status must match. Prints the program's stdout and "exit=N".
#   %check-tree      like %check-run, with the file exporter: prints the program's stdout, then
#                    its spans as one tree per trace (integration/lib/span-tree.py).
import os
import lit.formats

config.name = "orch-rewriter"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "CMakeLists.txt"]

config.environment["PATH"] = os.pathsep.join([config.llvm_tools_dir, config.orch_bin_dir,
                                              config.environment.get("PATH", os.environ.get("PATH", ""))])
for var in ["ORCH_CONFIG", "ORCH_STRICT", "ORCH_DISABLE", "OTEL_TRACES_EXPORTER", "OTEL_SDK_DISABLED"]:
    config.environment.pop(var, None)

config.substitutions.append(("%orch", config.orch))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%cxx", config.cxx))
config.substitutions.append(("%cc", config.cc))
config.substitutions.append(("%check-same", "bash " + os.path.join(config.test_source_root, "Inputs", "check-same.sh")))
config.substitutions.append(("%check-run", "bash " + os.path.join(config.test_source_root, "Inputs", "check-run.sh")))
config.substitutions.append(("%check-tree", "bash " + os.path.join(config.test_source_root, "Inputs", "check-tree.sh")))
