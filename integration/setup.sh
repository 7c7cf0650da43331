#!/usr/bin/env bash
# Sets up a Debian 12 machine for orch and builds it into ./build:
# packages (apt-get, as root or through sudo), the Node.js test receiver's
# dependencies (npm), then a CMake + Ninja build of everything.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build python3 clang-19 libclang-19-dev llvm-19-dev llvm-19-tools
          libyaml-cpp-dev libgtest-dev googletest libbenchmark-dev libbpf-dev bpftool
          libcurl4-openssl-dev zlib1g-dev diffutils ccache libcpp-httplib-dev libsqlite3-dev pkg-config curl
          libhiredis-dev redis-server libpq-dev postgresql
          libclang-rt-19-dev)  # libFuzzer, for test/run-fuzzers.sh
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
# integration/real-projects fetches Debian source packages: enable deb-src next to deb.
sources=/etc/apt/sources.list.d/debian.sources
need_update=0
if [ -w "$sources" ] && ! grep -q "deb-src" "$sources"; then
  sed -i 's/^Types: deb$/Types: deb deb-src/' "$sources"
  need_update=1
fi
if ((${#missing[@]} || need_update)); then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ -f integration/otlp-receiver/package.json ]; then
  (cd integration/otlp-receiver && npm ci --legacy-peer-deps --no-audit --no-fund --loglevel=error)
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
