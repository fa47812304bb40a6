#!/bin/sh
# Native python against the same python with the shim preloaded, alternating, in one run; prints the
# median wall time of each and their ratio, for the lock microbenchmark and the tutorials' programs.
#   bench/python/run.sh BUILD_DIR [PYTHON] [RUNS]
set -eu
build=$1
py=${2:-python3}
runs=${3:-7}
here=$(cd "$(dirname "$0")" && pwd)
shim=$(cd "$build" && pwd)/runtime/liblockscope-rt.so
data=$here/../../testdata/python
py=$(command -v "$py")
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_once() {  # wall seconds of one run
  s=$(date +%s%N)
  "$@" > /dev/null 2>&1 || true
  e=$(date +%s%N)
  echo "scale=4; ($e - $s) / 1000000000" | bc
}
bench() {
  name=$1
  shift
  : > /tmp/lockscope-bench-native.$$
  : > /tmp/lockscope-bench-shim.$$
  i=0
  while [ $i -lt "$runs" ]; do
    time_once "$py" "$@" >> /tmp/lockscope-bench-native.$$
    time_once env LD_PRELOAD="$shim" "$py" "$@" >> /tmp/lockscope-bench-shim.$$
    i=$((i + 1))
  done
  n=$(median < /tmp/lockscope-bench-native.$$)
  l=$(median < /tmp/lockscope-bench-shim.$$)
  printf '%-34s native %6.3f s   lockscope %6.3f s   %5.2fx\n' "$name" "$n" "$l" "$(echo "scale=4; $l / $n" | bc)"
  rm -f /tmp/lockscope-bench-native.$$ /tmp/lockscope-bench-shim.$$
}
echo "python: $py ($("$py" --version 2>&1)), median of $runs alternating runs"
bench "with_lock (2 x 200k, nested 1/8)" "$here/with_lock.py"
for p in counter_lock_ok semaphore_pool_ok event_traffic_light_ok thread_pool_submit_ok thread_pool_map_ok \
         queue_messaging_ok deadlock_thread_same_order_ok join_ok; do
  bench "$p" "$data/$p.py"
done
