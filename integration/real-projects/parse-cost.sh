#!/usr/bin/env bash
# Where orch's time goes on units of a real project (run run.sh PROJECT first):
#   parse-cost.sh WORKDIR SOURCE_REGEX [RUNS]
# For each compile command of WORKDIR/plain whose source matches SOURCE_REGEX, interleaved RUNS
# times (default 5), prints the median CPU seconds (user + system, the compiler's included: less
# sensitive than wall time to a loaded machine) of:
#   compile   the compiler alone (the plain build's command)
#   skip      the same through orch with an aspect that cannot match (the pre-check, then the compiler)
#   parse     `orch explain` with the project's orch.yaml (the full Clang parse and matching, which
#             a unit that an aspect can match pays before its compile)
#   orch      the same through orch with the project's orch.yaml (parse, rewrite, compile the rewrite)
# With BASE_ORCH=/path/to/another/orch (e.g. an install of an earlier commit), also `parse base` and
# `orch base` with that one, interleaved with the others: a before/after comparison on one machine.
# With ORCH_CONFIG=/path/to/aspects.yaml, parse and orch use that file instead of the project's
# orch.yaml (file globs are relative to its directory: keep it beside the sources).
# Each figure: median (min-max) over the runs.
set -euo pipefail
work=${1:?usage: parse-cost.sh WORKDIR SOURCE_REGEX [RUNS]} regex=${2:?source regex} runs=${3:-5}
here=$(cd "$(dirname "$0")" && pwd)
orch=${ORCH:-$here/../../build/bin/orch}
src=${ORCH_CONFIG:-$(find "$work/src" -name orch.yaml -print -quit)}
nomatch=$(mktemp --suffix=.yaml)
printf 'aspects:\n  - id: none\n    join-point: { function-body: { qualified-name: "no_such_namespace::*" } }\n    advice: [ { span: {} } ]\n' >"$nomatch"
out=$(mktemp -d)
trap 'rm -rf "$nomatch" "$out"' EXIT
export CCACHE_DISABLE=1
seconds() { /usr/bin/time -f '%U %S' -o "$out/time" "$@" >/dev/null 2>&1 || true; tail -1 "$out/time" | awk '{printf "%.2f", $1 + $2}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.2f (%.2f-%.2f)", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[1], a[NR]}'; }
cd "$work/plain"
ninja -t commands | grep -E " -c [^ ]*($regex)" | while read -r line; do
  read -ra cmd <<<"$line"
  # Drop a launcher the project may have put first (ccache), and write the object elsewhere.
  [[ "${cmd[0]}" == *ccache ]] && cmd=("${cmd[@]:1}")
  for i in "${!cmd[@]}"; do [ "${cmd[$i]}" = -o ] && cmd[$((i + 1))]=$out/unit.o; done
  for i in "${!cmd[@]}"; do [ "${cmd[$i]}" = -c ] && source=${cmd[$((i + 1))]}; done
  compile=() skip=() parse=() full=() parse_base=() full_base=()
  for _ in $(seq "$runs"); do
    compile+=("$(seconds "${cmd[@]}")")
    skip+=("$(ORCH_CONFIG=$nomatch seconds "$orch" "${cmd[@]}")")
    parse+=("$(ORCH_CONFIG=$src seconds "$orch" explain "$source" -- "${cmd[@]}")")
    full+=("$(ORCH_CONFIG=$src seconds "$orch" "${cmd[@]}")")
    if [ -n "${BASE_ORCH:-}" ]; then
      parse_base+=("$(ORCH_CONFIG=$src seconds "$BASE_ORCH" explain "$source" -- "${cmd[@]}")")
      full_base+=("$(ORCH_CONFIG=$src seconds "$BASE_ORCH" "${cmd[@]}")")
    fi
  done
  base=""
  [ -n "${BASE_ORCH:-}" ] && base=", parse base $(median "${parse_base[@]}") s, orch base $(median "${full_base[@]}") s"
  echo "$(basename "$source"): compile $(median "${compile[@]}") s, skip $(median "${skip[@]}") s," \
       "parse $(median "${parse[@]}") s, orch $(median "${full[@]}") s$base"
done
