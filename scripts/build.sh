#!/usr/bin/env bash
# Installs what is missing, then configures and builds lockscope into ./build (or $LOCKSCOPE_BUILD_DIR).
# Shared by demo.sh and test.sh; safe to run again (incremental).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LOCKSCOPE_BUILD_DIR:-$root/build}
jobs=${LOCKSCOPE_JOBS:-2}

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$jobs"
