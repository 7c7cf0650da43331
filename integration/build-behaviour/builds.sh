# Shell functions of the build-behaviour tests (source it; it sources ../lib/e2e.sh).
# They build a private copy of integration/service, so that touching and editing
# its files never changes the source tree.
source "$(dirname "${BASH_SOURCE[0]}")/../lib/e2e.sh"
BUILDS_SERVICE=$(cd "$(dirname "${BASH_SOURCE[0]}")/../service" && pwd)

# new_workdir WORKDIR: an empty WORKDIR with a copy of the service's sources in
# WORKDIR/src; sets src.
new_workdir() {
  rm -rf "$1" && mkdir -p "$1"
  src=$1/src
  cp -r "$BUILDS_SERVICE" "$src"
}

# rebuild BUILD_DIR LOG: an incremental build (-j2), its output in LOG.
rebuild() { cmake --build "$1" -j2 >"$2" 2>&1 || { cat "$2"; return 1; }; }

# built_objects LOG: the objects a build log says it compiled, sorted, one a line
# (Ninja and Makefiles both print "Building CXX object PATH").
built_objects() { sed -n 's/.*Building CXX object \(.*\.o\)$/\1/p' "$1" | sort; }

# all_objects BUILD_DIR: every object of the build (relative to BUILD_DIR), sorted.
all_objects() { (cd "$1" && find . -name "*.o" | sed 's|^\./||' | sort); }

# instrumented_objects BUILD_DIR: the objects that carry an orch_manifest section.
instrumented_objects() {
  local o
  for o in $(all_objects "$1"); do
    if objdump -h "$1/$o" | grep " orch_manifest " >/dev/null; then echo "$o"; fi
  done
  return 0
}

# expect_objects WHAT EXPECTED ACTUAL: both are sorted lists of objects.
expect_objects() {
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1: objects differ (expected -, actual +):"
    diff <(echo "$2") <(echo "$3") | grep '^[<>]' | sed 's/^</  -/; s/^>/  +/'
    return 1
  fi
  echo "ok: $1: $(echo -n "$3" | grep -c .) object(s)"
}
