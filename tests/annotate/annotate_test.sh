#!/usr/bin/env bash
# `lockscope annotate` end to end: its output, applied with `patch -p1` or clang-apply-replacements,
# compiles clean under `clang++ -Wthread-safety -Werror`, and deleting a lock afterwards makes
# -Wthread-safety fail. Two annotation-free libraries: bank/ (std::mutex, no macros: the generated
# header; checked against libc++, whose std::mutex is a capability) and kv/ (leveldb-style macros
# and an annotated Mutex: the project's own spelling).
#
# The guard facts come from the fixtures bank/guards.json and kv/guards.json, written by hand:
# the inference of lib/link is not exposed yet (issue 12). What this proves is the writer and the
# apply-and-compile path; when the inference lands, the same cases run on `annotate -p`.
#   annotate_test.sh LOCKSCOPE CLANGXX CLANG_APPLY_REPLACEMENTS CASE
set -uo pipefail
lockscope=${1:?usage: annotate_test.sh LOCKSCOPE CLANGXX CLANG_APPLY_REPLACEMENTS CASE}
clangxx=${2:?}
apply_replacements=${3:?}
case_name=${4:?}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/e2e.sh"
run() { run_cmd "$@"; }

libcxx=(-std=c++17 -stdlib=libc++ -D_LIBCPP_ENABLE_THREAD_SAFETY_ANNOTATIONS -Wthread-safety -Werror -fsyntax-only)
compiles() { "$clangxx" "$@" 2>compile.txt || { cat compile.txt; fail "does not compile clean: $*"; }; }
# fails_with MESSAGE COMPILER-ARGS...: -Wthread-safety rejects the file with MESSAGE.
fails_with() {
  local message=$1; shift
  if "$clangxx" "$@" 2>compile.txt; then fail "compiles although a lock was removed: $*"; fi
  has compile.txt "$message"
}
# remove_lock FILE TAG: deletes the line marked `// lock: TAG`.
remove_lock() {
  grep -q "// lock: $2\$" "$1" || fail "$1 has no lock tagged $2"
  sed -i "/\/\/ lock: $2\$/d" "$1"
}

case $case_name in
bank_diff)
  cp -r "$here/bank" . && cd bank
  run 0 "$lockscope" annotate --guards guards.json -o annotations.diff
  has err.txt "9 edits in 2 files, 0 facts not written (macros: generated header)"
  patch -p1 --quiet <annotations.diff || fail "the diff does not apply"
  has account.h "int balance_ GUARDED_BY(mu_) = 0;"
  has account.h "void Record(int amount) REQUIRES(mu_);"
  has account.h "mutable std::mutex audit_mu_ ACQUIRED_AFTER(books_mu_);"
  has requests.cpp "static long requests GUARDED_BY(requests_mu) = 0;"
  has lockscope_thread_annotations.h "#define GUARDED_BY(x) __attribute__((guarded_by(x)))"
  compiles "${libcxx[@]}" account.cpp
  compiles "${libcxx[@]}" requests.cpp
  cp account.cpp account.orig
  remove_lock account.cpp withdraw
  fails_with "writing variable 'balance_' requires holding mutex 'mu_' exclusively" "${libcxx[@]}" account.cpp
  has compile.txt "calling function 'Record' requires holding mutex 'mu_' exclusively"
  cp account.orig account.cpp
  remove_lock account.cpp deposit
  fails_with "calling function 'Record' requires holding mutex 'mu_' exclusively" "${libcxx[@]}" account.cpp
  remove_lock requests.cpp requests
  fails_with "reading variable 'requests' requires holding mutex 'requests_mu'" "${libcxx[@]}" requests.cpp
  ;;
bank_fixits)
  cp -r "$here/bank" patched && (cd patched && "$lockscope" annotate --guards guards.json -q | patch -p1 --quiet) ||
    fail "the diff does not apply"
  cp -r "$here/bank" . && cd bank && mkdir fixes
  run 0 "$lockscope" annotate --guards guards.json --format fixits -o fixes/annotate.yaml
  has fixes/annotate.yaml "ReplacementText: ' GUARDED_BY(mu_)'"
  has err.txt "wrote $PWD/lockscope_thread_annotations.h"
  "$apply_replacements" fixes >apply.txt 2>&1 || { cat apply.txt; fail "clang-apply-replacements failed"; }
  rm -r fixes apply.txt out.txt err.txt
  diff -r . ../patched >../tree.diff || { cat ../tree.diff; fail "fix-its and the diff give different trees"; }
  compiles "${libcxx[@]}" account.cpp
  ;;
kv_project_macros)
  cp -r "$here/kv" . && cd kv
  run 0 "$lockscope" annotate --guards guards.json
  has err.txt "(macros: $PWD/port/thread_annotations.h)"
  lacks out.txt "lockscope_thread_annotations.h"
  patch -p1 --quiet <out.txt || fail "the diff does not apply"
  has db/table.h "void MaybeCompact() EXCLUSIVE_LOCKS_REQUIRED(mu_);"
  has db/table.h "#include \"port/thread_annotations.h\""
  compiles -std=c++17 -I. -Wthread-safety -Werror -fsyntax-only db/table.cc
  remove_lock db/table.cc put
  fails_with "writing variable 'writes_' requires holding mutex 'mu_' exclusively" \
    -std=c++17 -I. -Wthread-safety -Werror -fsyntax-only db/table.cc
  ;;
notes_and_bad_input)
  cp -r "$here/kv" . && cd kv
  echo '{"variables": [{"file": "db/table.h", "line": 19, "column": 3, "name": "entries_", "lock": "mu_"}]}' >g.json
  run 0 "$lockscope" annotate --guards g.json
  has err.txt "db/table.h:19:3: GUARDED_BY(mu_) not written: no declaration of 'entries_' there"
  echo '{"variables": [{"file": "db/table.h"}]}' >bad.json
  run 2 "$lockscope" annotate --guards bad.json
  has err.txt "lockscope annotate: bad.json: variables[0].line: missing"
  run 2 "$lockscope" annotate --guards g.json --format html
  has err.txt "--format expects diff, fixits or guards, got 'html'"
  run 2 "$lockscope" annotate -p .
  has err.txt "give the guards with --guards FILE"
  ;;
*) fail "unknown case" ;;
esac
