# Shared by the end-to-end test scripts (tools/lockscope/tests, tests/ci, tests/scale): a scratch
# directory that is removed on exit, and assertions that print what they saw before failing.
# Source it after setting `case_name`.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2

fail() { echo "FAIL [$case_name]: $*" >&2; exit 1; }
# run_cmd EXPECTED_STATUS PROGRAM ARGS...: stdout in out.txt, stderr in err.txt.
run_cmd() {
  local want=$1; shift
  "$@" >out.txt 2>err.txt
  local got=$?
  if ((got != want)); then
    echo "--- stdout"; cat out.txt; echo "--- stderr"; cat err.txt
    fail "$* exited $got, expected $want"
  fi
}
has() { grep -qF -- "$2" "$1" || { echo "--- $1"; cat "$1"; fail "$1 lacks: $2"; }; }
lacks() { ! grep -qF -- "$2" "$1" || { echo "--- $1"; cat "$1"; fail "$1 has: $2"; }; }
