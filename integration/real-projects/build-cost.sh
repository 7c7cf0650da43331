#!/usr/bin/env bash
# Benchmark (not a test; not in ctest): issue 17's build-cost targets on one real project.
#
#   build-cost.sh PROJECT [WORKDIR]          (PROJECT: a file projects/PROJECT.sh)
#
# Environment: ORCH (default: build/bin/orch of this checkout), RUNS (rounds, default 3),
# COMPILERS (default "gcc clang"), KINDS (default "plain finstrument service every"), JOBS
# (default 1), UNIT_RUNS (runs of the unit's compiles, default 5; 0: no unit), TABLE_ONLY=1
# (print the table of WORKDIR's last results), EXTRA_CMAKE_FLAGS (more flags for the project's
# configure after its own, a later -D winning: -DYAML_CPP_BUILD_TESTS=OFF builds yaml-cpp's
# library without its tests).
#
# The sources and the configure are run.sh's (project.sh). Per compiler (gcc: g++ and gcc;
# clang: clang++-19 and clang-19), cold builds (Ninja, -jJOBS, RelWithDebInfo), of which the CPU
# time of the build step is taken (user + system of everything it ran):
#   plain         the plain build
#   finstrument   -finstrument-functions added to the C and C++ flags (the compiler's own
#                 instrumentation of every function)
#   service       through orch, an aspect a team would write: the project's aspect
#                 (projects/PROJECT.sh) for functions of at least 3 statements (`min-statements: 3`)
#   every         through orch, every function of the project's files (`function-body: {}`)
# interleaved: RUNS rounds, each building every kind with every compiler. Then, per compiler,
# the plain build's largest source is compiled plainly and through orch with an aspect that
# cannot match, interleaved UNIT_RUNS times (parse-cost.sh, whose other columns show where
# orch's time goes on that unit). Prints a markdown table: medians (min-max) of CPU seconds, the
# ratio of the medians to plain, and each target of issue 17 met or missed. Per-run lines are
# in WORKDIR/results, logs in WORKDIR/log.
set -euo pipefail
project=${1:?usage: build-cost.sh PROJECT [WORKDIR]}
here=$(cd "$(dirname "$0")" && pwd)
work=${2:-${TMPDIR:-/tmp}/orch-build-cost/$project}
runs=${RUNS:-3} jobs=${JOBS:-1} unit_runs=${UNIT_RUNS:-5}
compilers=${COMPILERS:-gcc clang}
kinds=${KINDS:-plain finstrument service every}
# shellcheck source=project.sh
. "$here/project.sh"
load_project "$project"
read -ra extra_cmake_flags <<<"${EXTRA_CMAKE_FLAGS:-}"
CMAKE_FLAGS+=("${extra_cmake_flags[@]}")
mkdir -p "$work"
work=$(cd "$work" && pwd)
log=$work/log; mkdir -p "$log"
results=$work/results

compilers_of() {  # compilers_of COMPILER -> "C++ C" compiler commands
  case $1 in
    gcc) echo "g++ gcc" ;;
    clang) echo "clang++-19 clang-19" ;;
    *) echo "build-cost: unknown compiler $1 (gcc, clang)" >&2; exit 2 ;;
  esac
}
labels() {  # labels -> one "COMPILER=C++ COMMAND VERSION" line per compiler in COMPILERS
  local cc cxx
  for cc in $compilers; do
    read -r cxx _ <<<"$(compilers_of "$cc")"
    printf '%s=%s %s\n' "$cc" "$cxx" "$("$cxx" --version | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1)"
  done
}

# The table of the results file: one line per build (compiler kind round seconds functions) and
# per unit (compiler unit NAME compile-median compile-min compile-max skip-median ...).
table() {
  awk -v kinds="$kinds" -v labels="$(labels)" '
    function med(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
                                     return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
    function cell(m, lo, hi) { return sprintf("%.2f (%.2f-%.2f)", m, lo, hi) }
    function verdict(ok) { return ok ? "met" : "**missed**" }
    $2 == "unit" { U[$1] = $0; next }
    { k = $1 SUBSEP $2; c = ++n[k]; T[k, c] = $4; F[k] = $5; if (!($1 in seen)) { seen[$1] = 1; cc[++ncc] = $1 } }
    END {
      split(kinds, order, " ")
      nl = split(labels, ls, "\n"); for (i = 1; i <= nl; i++) { eq = index(ls[i], "="); name[substr(ls[i], 1, eq - 1)] = substr(ls[i], eq + 1) }
      label["plain"] = "plain"; label["finstrument"] = "`-finstrument-functions`"
      label["service"] = "orch, the project'"'"'s aspect with `min-statements: 3`"
      label["every"] = "orch, every function (`function-body: {}`)"
      print "| compiler | build | functions | CPU s | x plain | target |"
      print "|---|---|---|---|---|---|"
      for (i = 1; i <= ncc; i++) {
        c = cc[i]
        for (o = 1; o in order; o++) {
          k = c SUBSEP order[o]; m = n[k]; if (!m) continue
          delete t; lo = hi = T[k, 1]
          for (r = 1; r <= m; r++) { t[r] = T[k, r]; if (t[r] < lo) lo = t[r]; if (t[r] > hi) hi = t[r] }
          M[order[o]] = med(t, m); x = M[order[o]] / M["plain"]; X[order[o]] = x
          target = ""
          if (order[o] == "service") target = "≤ 1.25x: " verdict(x <= 1.25)
          if (order[o] == "every" && ("finstrument" in X)) target = sprintf("≤ `-finstrument-functions` (%.2fx): %s", X["finstrument"], verdict(x <= X["finstrument"]))
          printf "| %s | %s | %s | %s | %.2f | %s |\n", (o == 1 ? name[c] : ""), label[order[o]], (F[k] == "links-fail" ? "- (links fail)" : F[k]), cell(M[order[o]], lo, hi), x, target
        }
        delete M; delete X
        if (c in U) {
          split(U[c], u, " ")
          printf "| | unit `%s`, plain compile | | %s | 1 | |\n", u[3], cell(u[4], u[5], u[6])
          x = u[7] / u[4]
          printf "| | unit `%s`, orch with an aspect that cannot match | 0 | %s | %.3f | ≤ 1.03x: %s |\n", u[3], cell(u[7], u[8], u[9]), x, verdict(x <= 1.03)
        }
      }
    }' "$results"
}
if [ "${TABLE_ONLY:-0}" = 1 ]; then table; exit 0; fi
orch=${ORCH:-$here/../../build/bin/orch}
[ -x "$orch" ] || { echo "build-cost: no orch at $orch (set ORCH)"; exit 2; }
orch=$(cd "$(dirname "$orch")" && pwd)/$(basename "$orch")
# One orch for the whole table: a checkout rebuilt meanwhile stops the run.
orch_sum=$(md5sum <"$orch")

# 1. Sources, and the aspects of the orch builds beside them (file globs are relative to the
#    aspect file's directory): the project's own orch.yaml, as run.sh writes it, is what
#    parse-cost.sh's parse and orch columns use.
fetch_sources "$work" "$log"
printf '%s\n' "$ORCH_YAML" >"$src/orch.yaml"
python3 - "$src" <<'EOF'
import sys, yaml
src = sys.argv[1]
config = yaml.safe_load(open(src + "/orch.yaml"))
for aspect in config["aspects"]:
    aspect["join-point"] = {"all-of": [aspect["join-point"], {"function-body": {"min-statements": 3}}]}
yaml.safe_dump(config, open(src + "/orch-service.yaml", "w"), sort_keys=False)
every = {"service": config.get("service", "build-cost"),
         "aspects": [{"id": "every", "join-point": {"function-body": {}}, "advice": [{"span": {}}]}]}
yaml.safe_dump(every, open(src + "/orch-every.yaml", "w"), sort_keys=False)
EOF

# 2. Cold builds, interleaved; each appends "compiler kind round seconds functions" to results.
export CCACHE_DISABLE=1
build() {  # build COMPILER KIND ROUND
  local cc=$1 kind=$2 round=$3 dir=$work/$1/$2 extra=() config=
  local cxx c
  read -r cxx c <<<"$(compilers_of "$cc")"
  extra=("-DCMAKE_CXX_COMPILER=$cxx" "-DCMAKE_C_COMPILER=$c")
  case $kind in
    finstrument) extra+=(-DCMAKE_C_FLAGS=-finstrument-functions -DCMAKE_CXX_FLAGS=-finstrument-functions) ;;
    service|every) extra+=("-DCMAKE_CXX_COMPILER_LAUNCHER=$orch" "-DCMAKE_C_COMPILER_LAUNCHER=$orch")
                   config=$src/orch-$kind.yaml ;;
  esac
  local name=$cc.$kind.$round
  configure_build "$dir" "$log/$name.configure.log" "${extra[@]}" || exit 1
  # Ninja keeps going past a failed link (clang++'s -finstrument-functions leaves references to
  # libstdc++'s always-inline functions, llvm/llvm-project#50742): every unit is still compiled,
  # the row says "links fail". A failed compile stops the benchmark.
  local functions=-
  if ! ORCH_CONFIG=$config /usr/bin/time -f '%U %S' -o "$log/$name.time" \
         cmake --build "$dir" -j"$jobs" -- -k 0 >"$log/$name.build.log" 2>&1; then
    if grep '^FAILED: ' "$log/$name.build.log" | grep -qE '\.o *$'; then
      tail -40 "$log/$name.build.log"; echo "build-cost: the $name build failed"; exit 1
    fi
    functions=links-fail
  fi
  if grep -q '^orch: warning' "$log/$name.build.log"; then
    echo "build-cost: units failed open in the $name build:"; grep '^orch: warning' "$log/$name.build.log" | sort -u | head; exit 1
  fi
  if [ -n "$config" ]; then
    [ "$(md5sum <"$orch")" = "$orch_sum" ] || { echo "build-cost: $orch changed during the run"; exit 1; }
    # Distinct functions in the manifests of the build's objects (symbols aside).
    functions=$(find "$dir" -name '*.o' -exec "$orch" manifest {} + 2>/dev/null \
                  | sed 's/"symbols":\[[^]]*\],//' | sort -u | grep -c . || true)
  fi
  tail -1 "$log/$name.time" | awk -v line="$cc $kind $round" -v f="$functions" '{printf "%s %.2f %s\n", line, $1 + $2, f}' \
    | tee -a "$results"
}
: >"$results"
: >"$log/units.log"
for round in $(seq "$runs"); do
  for cc in $compilers; do for kind in $kinds; do build "$cc" "$kind" "$round"; done; done
done

# 3. One unit, plainly and through orch with an aspect that cannot match: the largest source
#    compiled by the plain build (parse-cost.sh reads WORKDIR/plain; its parse and orch columns
#    use the project's orch.yaml, named by its real path: file globs are relative to it).
for cc in $compilers; do
  [ "$unit_runs" -gt 0 ] || break
  unit=$(cd "$work/$cc/plain" && ninja -t commands | grep -oE ' -c [^ ]+' | awk '{print $2}' | sort -u \
           | while read -r f; do echo "$(stat -c %s "$f") $f"; done | sort -n | tail -1 | awk '{print $2}')
  lines=$(ORCH="$orch" ORCH_CONFIG="$src/orch.yaml" bash "$here/parse-cost.sh" "$work/$cc" "/$(basename "$unit" | sed 's/[.+]/\\&/g')( |\$)" "$unit_runs")
  echo "$lines" | sed "s/^/$cc: /" >>"$log/units.log"
  line=${lines%%$'\n'*}
  # "NAME: compile M (LO-HI) s, skip M (LO-HI) s, ..." -> "compiler unit NAME M LO HI M LO HI"
  echo "$line" | sed -E 's/^([^:]*): compile ([0-9.]+) \(([0-9.]+)-([0-9.]+)\) s, skip ([0-9.]+) \(([0-9.]+)-([0-9.]+)\) s.*/\1 \2 \3 \4 \5 \6 \7/' \
    | awk -v cc="$cc" '{print cc, "unit", $0}' | tee -a "$results"
done
echo
echo "$project ($(basename "$(cd "$src" && pwd)"))${EXTRA_CMAKE_FLAGS:+ with $EXTRA_CMAKE_FLAGS}, RUNS=$runs, -j$jobs," \
     "CPU s of the build step, medians (min-max);" \
     "units: UNIT_RUNS=$unit_runs; parse-cost.sh's lines in $log/units.log"
echo
table
