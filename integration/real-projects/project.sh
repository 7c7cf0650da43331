# Sourced by run.sh and build-cost.sh: one project of projects/, its Debian sources and the CMake
# configure of a cold build of it.

real_projects_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# load_project PROJECT: sets PKG (Debian source package), CMAKE_FLAGS (array), ORCH_YAML (the
# orch.yaml written beside the sources), CTEST_ARGS (array) and SOURCE_SUBDIR from projects/PROJECT.sh.
load_project() {
  [ -f "$real_projects_dir/projects/$1.sh" ] || { echo "no projects/$1.sh"; exit 2; }
  CMAKE_FLAGS=() CTEST_ARGS=() SOURCE_SUBDIR=.
  # shellcheck source=/dev/null
  . "$real_projects_dir/projects/$1.sh"
}

# fetch_sources WORK LOG: fetches the sources once per work dir (apt-get source unpacks and
# applies Debian's patches) and sets src to the directory CMake configures.
fetch_sources() {
  local work=$1 log=$2
  if [ ! -f "$work/src/.fetched" ]; then
    rm -rf "$work/src" && mkdir -p "$work/src"
    # Exit 77 (ctest's SKIP_RETURN_CODE) when the source cannot be fetched: no deb-src, offline;
    # with ORCH_REAL_PROJECTS_REQUIRED=1 (CI) that is a failure instead.
    if ! (cd "$work/src" && apt-get source "$PKG") >"$log/fetch.log" 2>&1; then
      cat "$log/fetch.log"
      if [ "${ORCH_REAL_PROJECTS_REQUIRED:-0}" = 1 ]; then
        echo "FAIL ($PKG): apt-get source $PKG failed, and ORCH_REAL_PROJECTS_REQUIRED=1"; exit 1
      fi
      echo "SKIP ($PKG): apt-get source $PKG failed (deb-src lines and network needed)"; exit 77
    fi
    touch "$work/src/.fetched"
  fi
  src=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d | head -1)/$SOURCE_SUBDIR
}

# configure_build DIR LOGFILE [CMAKE_ARGS...]: a fresh Ninja RelWithDebInfo build directory of
# src with the project's flags and CMAKE_ARGS (compilers, launcher, flags).
configure_build() {
  local dir=$1 logfile=$2
  shift 2
  rm -rf "$dir"
  cmake -S "$src" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${CMAKE_FLAGS[@]}" "$@" \
        >"$logfile" 2>&1 || { cat "$logfile" >&2; return 1; }
  # A project that replaces the compiler launcher (jsoncpp with ccache) would build without orch.
  local launcher
  for launcher in "$@"; do
    case $launcher in
      -DCMAKE_CXX_COMPILER_LAUNCHER=*)
        grep -q "^CMAKE_CXX_COMPILER_LAUNCHER:[A-Z]*=${launcher#*=}\$" "$dir/CMakeCache.txt" \
          || { echo "the project replaced the compiler launcher (see $dir/CMakeCache.txt)" >&2; return 1; } ;;
    esac
  done
}
