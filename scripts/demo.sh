#!/usr/bin/env bash
# The main job on the bundled testdata: installs what is missing, builds, runs `lockscope check` over every
# testdata program, then links the tutorials' two-lock deadlock with the runtime shim and runs it.
# Findings are the point here, so the demo succeeds when every command worked (status 0 or 1 from check,
# the shim's findings status 66 from the demo program) and fails on anything else.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${LOCKSCOPE_BUILD_DIR:-$root/build}
"$root/scripts/build.sh"
lockscope="$build/tools/lockscope/lockscope"
cd "$root"

echo
echo "== lockscope check: every testdata program (each is its own program with its own main) =="
programs=0 reporting=0
for program in testdata/*.c testdata/*.cpp testdata/*/; do
  [[ $program == testdata/harness/ || $program == testdata/known-gaps/ ]] && continue
  if [[ -d $program ]]; then
    files=("$program"*.c*)
  else
    files=("$program")
  fi
  std=-std=c++20
  [[ ${files[0]} == *.c ]] && std=-std=c11
  status=0
  "$lockscope" check --quiet "${files[@]}" -- "$std" -pthread || status=$?
  case $status in
    0) ;;
    1) reporting=$((reporting + 1)) ;;
    *) echo "demo: lockscope check failed on $program (status $status)" >&2; exit 2 ;;
  esac
  programs=$((programs + 1))
done
echo "== $programs programs checked: $reporting with findings, $((programs - reporting)) silent =="

echo
echo "== runtime: the two-lock deadlock (thread 1 takes A then B, thread 2 takes B then A), linked with the shim =="
mkdir -p "$build/demo"
clang++-19 -std=c++20 -g -O0 -pthread testdata/deadlock_classic_bad.cpp -o "$build/demo/deadlock_classic" \
  -Wl,--whole-archive "$build/runtime/liblockscope-rt.a" -Wl,--no-whole-archive
status=0
LOCKSCOPE_REPORT="$build/demo/deadlock_classic.json" "$build/demo/deadlock_classic" || status=$?
if [[ $status != 66 ]]; then
  echo "demo: expected the shim's findings status 66, got $status" >&2
  exit 2
fi
echo "== exit status 66 (findings); JSON report: $build/demo/deadlock_classic.json =="
