#!/usr/bin/env bash
# orch's programs load their libraries from where they were linked against, never from the
# current directory: a build runs orch in the project's build directory, which may hold a library
# of the same name as one of orch's (a project building yaml-cpp: libyaml-cpp.so.0.7).
#   libraries-from-cwd.sh WORKDIR PROGRAM...
# For each PROGRAM, WORKDIR gets a stand-in for each library it needs (but the C and C++ runtimes,
# which the stand-ins need themselves) whose constructor says so and exits; PROGRAM runs there.
# A stand-in taken shows as its message or, when the program binds its symbols at load time, as
# ld.so's "symbol lookup error" (the stand-in defines none of them).
set -euo pipefail
work=${1:?usage: libraries-from-cwd.sh WORKDIR PROGRAM...}
shift
rm -rf "$work" && mkdir -p "$work"
cat >"$work/stand_in.c" <<'C'
#include <unistd.h>
__attribute__((constructor)) static void loaded(void) {
  static const char said[] = "loaded from the current directory\n";
  write(2, said, sizeof said - 1);
  _exit(97);
}
C
failed=0
for program in "$@"; do
  program=$(realpath "$program")
  mapfile -t needed < <(readelf -d "$program" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p' |
                          grep -vxE 'libc\.so\.6|libm\.so\.6|libgcc_s\.so\.1|libstdc\+\+\.so\.6')
  dir=$work/$(basename "$program")
  mkdir -p "$dir"
  for library in "${needed[@]}"; do
    cc -shared -fPIC -Wl,-soname,"$library" -o "$dir/$library" "$work/stand_in.c"
  done
  output=$(cd "$dir" && "$program" --version 2>&1 </dev/null) || true
  if grep -qE "loaded from the current directory|symbol lookup error" <<<"$output"; then
    echo "FAIL: $program loaded a library from its current directory ($(readelf -d "$program" | grep -E 'R(UN)?PATH' || echo 'no RUNPATH'))"
    failed=1
  else
    echo "ok: $program (${needed[*]} not taken from its current directory)"
  fi
done
exit "$failed"
