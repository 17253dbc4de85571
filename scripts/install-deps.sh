#!/usr/bin/env bash
# Installs the Debian packages swaptier needs to build, test and benchmark.
# Idempotent: only missing packages are installed; needs root (or sudo) when something is missing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # engine
  libzstd-dev liblz4-dev liblzo2-dev
  # services / app (Qt Core, Qt Widgets, QCustomPlot, Qt Linguist tools for the translations)
  qt6-base-dev qt6-base-dev-tools libsqlite3-dev libtomlplusplus-dev libsystemd-dev libqcustomplot-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  # tests and benchmarks
  libbenchmark-dev valgrind fio xvfb xauth python3
  # sanitizer runtimes for clang builds are bundled with gcc's libasan/libtsan/libubsan
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
