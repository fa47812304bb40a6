#!/bin/sh
# Builds one test program with clang-19, runs it under the shim (linked in or preloaded) and
# checks its report and exit status against the `// expect` comments in its source.
#   run_program.sh MODE SOURCE WORKDIR CLANG CLANGXX RUNTIME_DIR CHECKER
# Directives in the source: `// rt-test: options: k=v:k=v` (LOCKSCOPE_OPTIONS),
# `// rt-test: timeout: SECONDS` (default 60), `// rt-test: status: N` (the exit status expected
# when there are findings; default 66, the shim's findings status).
set -u
mode=$1 src=$2 work=$3 cc=$4 cxx=$5 rt=$6 check=$7
name=$(basename "$src")
mkdir -p "$work"
exe="$work/${name%.*}.$mode"
report="$work/${name%.*}.$mode.json"
rm -f "$report" "$exe"
options=$(sed -n 's|.*// rt-test: options: *||p' "$src" | head -1)
timeout=$(sed -n 's|.*// rt-test: timeout: *||p' "$src" | head -1)
findings_status=$(sed -n 's|.*// rt-test: status: *||p' "$src" | head -1)
case "$src" in
  *.c) compiler="$cc -std=c11"; extra="-lstdc++ -lm" ;;
  *) compiler="$cxx -std=c++20"; extra="" ;;
esac
if [ "$mode" = linked ]; then
  $compiler -g -O0 -pthread "$src" -Wl,--whole-archive "$rt/liblockscope-rt.a" -Wl,--no-whole-archive $extra -o "$exe" || exit 1
  timeout "${timeout:-60}" env LOCKSCOPE_REPORT="$report" LOCKSCOPE_OPTIONS="$options" "$exe"
else
  $compiler -g -O0 -pthread "$src" -o "$exe" || exit 1
  timeout "${timeout:-60}" env LD_PRELOAD="$rt/liblockscope-rt.so" LOCKSCOPE_REPORT="$report" LOCKSCOPE_OPTIONS="$options" "$exe"
fi
status=$?
echo "exit status: $status"
"$check" "$src" "$report" "$status" ${findings_status:-66}
