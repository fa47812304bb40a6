#!/usr/bin/env bash
# Installs lockscope's build and test dependencies from Debian 12 packages.
# Idempotent: only packages that are missing are installed; run as root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build git
  clang-19 llvm-19 llvm-19-dev libclang-19-dev libclang-rt-19-dev
  libboost-graph-dev nlohmann-json3-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev hyperfine
  python3
  # `lockscope annotate` tests (tests/annotate): its diff applied with patch, its fix-its with
  # clang-apply-replacements, and compiled against libc++, whose std::mutex is a capability
  patch clang-tools-19 libc++-19-dev libc++abi-19-dev
  chromium  # the HTML graph page is tested in headless Chromium (lib/graph/html_writer_test.cpp)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
if [[ $(id -u) != 0 ]]; then
  echo "install-deps: missing packages: ${missing[*]}; run this script as root (or install them with apt-get)" >&2
  exit 2
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
