#!/bin/bash
# The fixed cost.py load (8 connections x 2000 pipelined batches, 2.4M operations) against memcached
# native, under the shim (preloaded) and built with -fsanitize=thread, alternating, ROUNDS times.
# Prints the load's wall time, the server's CPU time (user+sys) and peak RSS, and the machine load.
#   measure.sh ROUNDS SHIM NATIVE_MEMCACHED TSAN_MEMCACHED
set -u
rounds=$1 shim=$2 native=$3 tsan=$4
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
for r in $(seq "$rounds"); do
  for v in native shim tsan; do
    bin=$native pre=
    [ $v = shim ] && pre=$shim
    [ $v = tsan ] && bin=$tsan
    port=$((21300 + r * 3 + ${#v}))
    env ${pre:+LD_PRELOAD=$pre} LOCKSCOPE_REPORT="$tmp/$v.json" TSAN_OPTIONS="log_path=$tmp/tsan" \
      /usr/bin/time -f "%U %S %M" -o "$tmp/$v.time" "$bin" -u root -t 4 -p $port -U 0 -m 64 > /dev/null 2>&1 &
    tp=$!
    sleep 0.5
    out=$(python3 "$here/cost.py" $port 8 2000 100000)
    kill -INT $(pgrep -P $tp)
    wait $tp
    read -r u s m < <(tail -1 "$tmp/$v.time")
    echo "round $r $v: $out; server cpu $(echo "$u + $s" | bc) s, peak RSS $m KB; load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
rm -rf "$tmp"
