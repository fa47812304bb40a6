#!/usr/bin/env bash
# Regenerates the sample outputs and the included CI examples in README.md and docs/*.md from the
# built lockscope (tests/docs/docs_samples.py; the docs.samples ctest fails when they are stale).
# usage: scripts/update-docs.sh [BUILD_DIR]   (default: ./build, or $LOCKSCOPE_BUILD_DIR)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${LOCKSCOPE_BUILD_DIR:-$root/build}}
exec python3 "$root/tests/docs/docs_samples.py" --update --lockscope "$build/tools/lockscope/lockscope" \
  --source-dir "$root" README.md docs/ci.md docs/scale.md
