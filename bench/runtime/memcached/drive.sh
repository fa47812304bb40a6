#!/bin/bash
# Runs one memcached server (optionally under the shim), drives it with load.py, stops it with a
# signal (SIG, default TERM) unless load.py sent `shutdown`, and prints both statuses, GNU time's
# figures for the server and the machine load. Output files: $OUT/NAME.{log,json,time}, and
# NAME.stacks (gdb's thread dump) when the load failed or the server did not stop.
#   drive.sh NAME PORT SHIM_OR_EMPTY "MEMCACHED OPTIONS" "LOAD.PY OPTIONS"
# Environment: MEMCACHED (binary, default /tmp/mc-rt/memcached), OUT (default /tmp/mcwork), SIG,
# LOADTIMEOUT (seconds, default 120).
set -u
name=$1 port=$2 shim=$3 mcargs=$4 loadargs=$5
here=$(cd "$(dirname "$0")" && pwd)
bin=${MEMCACHED:-/tmp/mc-rt/memcached} out=${OUT:-/tmp/mcwork}
mkdir -p "$out"
rm -f "$out/$name".json*
env ${shim:+LD_PRELOAD=$shim} LOCKSCOPE_REPORT="$out/$name.json" \
  /usr/bin/time -f "%e s wall %U user %S sys %M KB" -o "$out/$name.time" \
  "$bin" -u root -t 4 -p "$port" -U 0 -m 64 $mcargs > "$out/$name.log" 2>&1 &
tpid=$!
sleep 0.3
timeout "${LOADTIMEOUT:-120}" python3 "$here/load.py" --port "$port" $loadargs
status=$?
echo "load status $status"
sleep 0.3
mpid=$(pgrep -P $tpid)
# A failed load may be a hung server: keep its threads' stacks before anything else happens to it.
stacks() { command -v gdb > /dev/null && gdb -p "$mpid" -batch -ex "thread apply all bt" > "$out/$name.stacks" 2>&1 && echo "thread stacks in $out/$name.stacks"; }
[ $status -ne 0 ] && [ -n "$mpid" ] && stacks
[ -n "$mpid" ] && kill -"${SIG:-TERM}" $mpid
for _ in $(seq 50); do kill -0 $tpid 2>/dev/null || break; sleep 0.2; done
if kill -0 $tpid 2>/dev/null; then echo "SERVER DID NOT STOP"; stacks; kill -KILL $mpid; fi
wait $tpid
echo "server status $?"
cat "$out/$name.time"
uptime
