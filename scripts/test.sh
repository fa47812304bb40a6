#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit tests, the testdata harness in both modes,
# the CLI and runtime integration tests). This is what CI runs (.ci/run).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LOCKSCOPE_BUILD_DIR:-$root/build}

"$root/scripts/build.sh"
ctest --test-dir "$build" -j "${LOCKSCOPE_JOBS:-2}" --output-on-failure --timeout 600
