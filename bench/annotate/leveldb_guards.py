#!/usr/bin/env python3
"""How much of leveldb's own locking discipline `lockscope annotate` infers (issue 12, point 4).

Ground truth: leveldb's GUARDED_BY annotations, parsed from its sources (the fields of the
compile database's units and of the headers beside them). The analysis runs with
--ignore-annotations, so it cannot read them; then:
  - inferred: the share of those fields `lockscope annotate --format guards` infers with the same
    lock (goal: at least 90%);
  - races: `lockscope check` must report no data race on any of those fields.

  leveldb_guards.py --lockscope BIN -p BUILD_DIR [--root SRC] [--ground-truth-only]
"""
import argparse
import json
import os
import re
import subprocess
import sys

# The declared name (an array's bounds may follow it), then the annotation, possibly on the next line.
GUARDED = re.compile(r"(\w+)\s*(?:\[[^\]]*\])?\s*GUARDED_BY\(\s*([^)]*?)\s*\)")
DEFINE = re.compile(r"#\s*define\s+\w*GUARDED_BY")


def ground_truth(files, root):
    """[(relative file, line, field, lock)] for every GUARDED_BY field in the files."""
    out = []
    for path in files:
        with open(path, errors="replace") as f:
            text = f.read()
        for m in GUARDED.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if DEFINE.search(text[line_start:m.start()]) or m.group(1) in ("define", "GUARDED_BY"):
                continue
            out.append((os.path.relpath(path, root), text.count("\n", 0, m.start(1)) + 1, m.group(1), m.group(2)))
    return out


def database_files(build_dir, root):
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        db = json.load(f)
    units = {os.path.realpath(os.path.join(e["directory"], e["file"])) for e in db}
    files = set(units)
    for d in {os.path.dirname(u) for u in units}:
        files.update(os.path.join(d, n) for n in os.listdir(d) if n.endswith((".h", ".hh", ".hpp")))
    return sorted(f for f in files if f.startswith(root + os.sep))


def run(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"leveldb_guards.py: `{' '.join(cmd)}` exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    return proc.stdout


def normalized(lock):
    return re.sub(r"\s+|\bthis->", "", lock)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lockscope", required=True)
    ap.add_argument("-p", dest="build_dir", required=True)
    ap.add_argument("--root", help="leveldb's source directory (default: the parent of BUILD_DIR)")
    ap.add_argument("--ground-truth-only", action="store_true", help="list leveldb's guarded fields and stop")
    args = ap.parse_args()
    build = os.path.realpath(args.build_dir)
    root = os.path.realpath(args.root or os.path.dirname(build))

    truth = ground_truth(database_files(build, root), root)
    print(f"leveldb's GUARDED_BY fields in the analysed units: {len(truth)}")
    if args.ground_truth_only:
        for file, line, field, lock in truth:
            print(f"  {file}:{line} {field} GUARDED_BY({lock})")
        return

    inferred_json = run([args.lockscope, "annotate", "-p", build, "--ignore-annotations", "--format", "guards", "-q"])
    inferred = {}
    for v in json.loads(inferred_json).get("variables", []):
        inferred[(os.path.relpath(os.path.realpath(v["file"]), root), v["name"])] = v["lock"]
    same, other, missing = [], [], []
    for file, line, field, lock in truth:
        got = inferred.get((file, field))
        (same if got is not None and normalized(got) == normalized(lock) else other if got else missing).append(
            (file, line, field, lock, got))
    for file, line, field, lock, got in other:
        print(f"  other lock: {file}:{line} {field}: leveldb {lock}, inferred {got}")
    for file, line, field, lock, _ in missing:
        print(f"  not inferred: {file}:{line} {field} GUARDED_BY({lock})")

    report = json.loads(run([args.lockscope, "check", "-p", build, "--ignore-annotations", "--format", "json", "-q"]))
    fields = {field for _, _, field, _ in truth}
    races = [f for f in report["findings"] if f["kind"] == "data-race" and
             any(re.search(r"'(?:[^']*[.>])?" + re.escape(field) + r"'", f["message"]) for field in fields)]
    for f in races:
        print(f"  race on a guarded field: {f['location']['file']}:{f['location']['line']}: {f['message']}")

    n = len(truth)
    print(f"\ninferred with leveldb's lock: {len(same)}/{n} = {100.0 * len(same) / n if n else 0:.0f}% (goal >= 90%);"
          f" another lock: {len(other)}; not inferred: {len(missing)}")
    print(f"data races reported on leveldb's guarded fields: {len(races)} (goal 0)")


if __name__ == "__main__":
    main()
