#!/usr/bin/env bash
# check-same.sh COMPILER SOURCE OUT [FLAGS...]
# Builds SOURCE twice with the same flags: through orch (ORCH_STRICT=1, so a
# rewrite that does not compile fails; the unit must really have been rewritten,
# i.e. OUT.orch/prog.o.orch/ exists) and plainly with the compiler alone. Runs
# both from their own directory under the same name (./prog, so argv[0] and
# assert messages match). Their stdout, stderr (minus orch's own "orch: ..."
# lines) and exit status must be identical. Prints the instrumented program's
# stdout followed by "exit=N" for FileCheck.
# LDLIBS (environment) adds link flags.
set -uo pipefail
compiler=$1 source=$2 out=$3
shift 3
rm -rf "$out.orch" "$out.plain"
mkdir -p "$out.orch" "$out.plain"
ORCH_STRICT=1 orch "$compiler" "$@" -c "$source" -o "$out.orch/prog.o" || { echo "check-same: orch compile failed" >&2; exit 1; }
[ -d "$out.orch/prog.o.orch" ] || { echo "check-same: $source was not rewritten by orch" >&2; exit 1; }
"$compiler" "$@" -c "$source" -o "$out.plain/prog.o" || exit 1
"$compiler" "$out.orch/prog.o" -o "$out.orch/prog" -pthread ${LDLIBS:-} || exit 1
"$compiler" "$out.plain/prog.o" -o "$out.plain/prog" -pthread ${LDLIBS:-} || exit 1
run() {
  (cd "$1" && OTEL_SDK_DISABLED=true OTEL_TRACES_EXPORTER=none ./prog >stdout 2>stderr.raw; echo $? >status)
  grep -v '^orch: ' "$1/stderr.raw" >"$1/stderr" || true
}
run "$out.orch"
run "$out.plain"
status=0
for f in stdout stderr status; do
  if ! diff -u "$out.plain/$f" "$out.orch/$f" >&2; then
    echo "check-same: instrumented and plain builds differ in $f" >&2
    status=1
  fi
done
cat "$out.orch/stdout"
echo "exit=$(cat "$out.orch/status")"
exit $status
