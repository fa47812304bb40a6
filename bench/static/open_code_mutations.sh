#!/usr/bin/env bash
# Open code on a real library: delete one lock acquisition at a time (a line holding a lock guard)
# and count the deletions `lockscope check` reports in the function they were made in; also the
# findings on the untouched tree. Extraction runs once for the tree and once per mutated unit; each
# mutation is linked with the other units' facts.
#
# usage: bench/static/open_code_mutations.sh BUILD_DIR LOCKSCOPE FILE:LINE...
#   BUILD_DIR holds compile_commands.json; FILE is relative to the source tree (compile database
#   "directory" entries point into it); LINE is the 1-based line to delete.
# Example (leveldb, see README.md for configuring it):
#   bench/static/open_code_mutations.sh /tmp/leveldb/leveldb/build build/tools/lockscope/lockscope \
#     db/db_impl.cc:1182 db/db_impl.cc:1187 util/cache.cc:254 util/cache.cc:263
# BASE_FACTS=DIR reuses the untouched tree's facts from `lockscope check --facts-out DIR`.
set -euo pipefail
db=$1 lockscope=$2
shift 2
src=$(cd "$db/.." && pwd)
tmp=$(mktemp -d)
restore=""
trap '[[ -n $restore ]] && cp "$tmp/orig" "$restore"; rm -rf "$tmp"' EXIT

mkdir "$tmp/base"
if [[ -n ${BASE_FACTS:-} ]]; then  # facts of the untouched tree from an earlier --facts-out run
  cp "$BASE_FACTS"/* "$tmp/base/"
else
  "$lockscope" check -q -p "$db" --facts-out "$tmp/base" >/dev/null
fi
set +e
"$lockscope" link "$tmp/base" -o "$tmp/base.txt" >/dev/null 2>&1
set -e
echo "untouched tree: $(grep -c 'warning:' "$tmp/base.txt" || true) findings"

reported=0 total=0
for spec in "$@"; do
  file=${spec%%:*} line=${spec##*:}
  total=$((total + 1))
  cp "$src/$file" "$tmp/orig"
  restore="$src/$file"  # put back even if a step fails
  deleted=$(sed -n "${line}p" "$src/$file")
  sed -i "${line}d" "$src/$file"
  rm -rf "$tmp/mut" && mkdir "$tmp/mut"
  "$lockscope" check -q -p "$db" --facts-out "$tmp/mut" "$src/$file" >/dev/null || true
  cp "$tmp/orig" "$src/$file"
  restore=""
  unit=$(basename "$file")
  rm -rf "$tmp/linked" && cp -r "$tmp/base" "$tmp/linked"
  rm -f "$tmp/linked/$unit".*.lockscope.json
  cp "$tmp/mut"/* "$tmp/linked/"
  set +e
  "$lockscope" link "$tmp/linked" -o "$tmp/mut.txt" >/dev/null 2>&1
  set -e
  # Reported at the function it was made in: a finding whose location or one of whose notes (the
  # call chain from the entry point) lies between the deleted line and the end of the function (the
  # next line that closes a top-level brace).
  end=$(awk -v L="$line" 'NR >= L && /^}/ { print NR; exit }' "$tmp/orig")
  hit=$(python3 - "$tmp/mut.txt" "$src/$file" "$line" "$end" <<'PY'
import re, sys
text, path, first, last = sys.argv[1], sys.argv[2], int(sys.argv[3]) - 1, int(sys.argv[4])
hits, inside = 0, False
for line in open(text):
    m = re.match(r"(.*?):(\d+):\d+: (warning|note): ", line)
    if not m:
        continue
    if m.group(3) == "warning":
        hits += inside
        inside = False
    inside = inside or (m.group(1) == path and first <= int(m.group(2)) <= last)
print(hits + inside)
PY
)
  all=$(grep -c 'warning:' "$tmp/mut.txt" || true)
  if ((hit > 0)); then reported=$((reported + 1)); verdict=reported; else verdict=missed; fi
  printf '%-22s %-8s (%d findings in all) deleted: %s\n' "$spec" "$verdict" "$all" "$(echo "$deleted" | sed 's/^ *//')"
done
echo "recall: $reported of $total deletions reported in their function"
