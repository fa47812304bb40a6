#!/bin/sh
# What `lockscope run` adds to a program's start (issue 15: goal within 5 ms of preloading the shim
# by hand). Measures, alternately in the same hyperfine run:
#   preload  env LD_PRELOAD=liblockscope-rt.so LOCKSCOPE_REPORT=FILE PROGRAM   (the baseline)
#   run      lockscope run --report FILE -- PROGRAM
#   [main    OTHER_LOCKSCOPE run --report FILE -- PROGRAM, e.g. a build of main, when given]
# and prints each mean's difference from the baseline and their ratio.
#   bench/launcher/run.sh BUILD_DIR [RUNS] [OTHER_LOCKSCOPE] [PROGRAM]   (PROGRAM: /bin/true)
set -eu
build=$(cd "$1" && pwd)
runs=${2:-50}
other=${3:-}
program=${4:-/bin/true}
lockscope=$build/tools/lockscope/lockscope
shim=$build/runtime/liblockscope-rt.so
command -v hyperfine > /dev/null || { echo "hyperfine not found (scripts/install-deps.sh installs it)"; exit 2; }
[ -x "$lockscope" ] && [ -f "$shim" ] || { echo "build lockscope and lockscope_rt_shared in $build first"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
set -- -n preload "env LD_PRELOAD=$shim LOCKSCOPE_REPORT=$tmp/preload.json $program" \
       -n run "$lockscope run --report $tmp/run.json -- $program"
[ -n "$other" ] && set -- "$@" -n main "$other run --report $tmp/main.json -- $program"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 5 --runs "$runs" --export-json "$tmp/times.json" "$@" > "$tmp/hyperfine.txt" ||
  { cat "$tmp/hyperfine.txt"; exit 1; }
python3 - "$tmp/times.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
base = results["preload"]
cpu = lambda r: (r["user"] + r["system"]) * 1e3
# Wall time on a loaded machine is mostly waiting for a core; CPU time (user + system, children
# included) is what the launcher itself costs.
print(f"{'':8} {'mean ms':>8} {'median ms':>9} {'vs preload':>11} {'ratio':>6} {'cpu ms':>7} {'cpu vs preload':>15}")
for name, r in results.items():
    mean, median = r["mean"] * 1e3, r["median"] * 1e3
    print(f"{name:8} {mean:8.2f} {median:9.2f} {mean - base['mean'] * 1e3:+9.2f}ms {mean / (base['mean'] * 1e3):5.2f}x"
          f" {cpu(r):7.2f} {cpu(r) - cpu(base):+13.2f}ms")
diff = (results["run"]["median"] - base["median"]) * 1e3
cpu_diff = cpu(results["run"]) - cpu(base)
print(f"goal (run within 5 ms of preload): median wall {'met' if diff <= 5 else 'NOT met'} ({diff:+.2f} ms), "
      f"cpu {'met' if cpu_diff <= 5 else 'NOT met'} ({cpu_diff:+.2f} ms)")
PY
