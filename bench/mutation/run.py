#!/usr/bin/env python3
"""The mutation benchmark of issue 12 (point 6): delete one lock acquisition at a time from a real
code base, run `lockscope check`, and count a deletion as found when a new finding (not on the
untouched tree) has its location or one of its notes inside the function the lock was deleted from.
Also reports the findings on the untouched tree (each one a false positive unless triaged).

  run.py --lockscope BIN -p BUILD_DIR [--root SRC] [--sample N] [--seed S] [--all] [-j 2]

The tree under --root (default: the deepest directory holding every compile-database entry) is
copied once to a scratch directory with a compile database whose paths point into the copy; each
mutation edits the copy, runs `check --cache-dir` (untouched units are not parsed again) and
restores the file. See README.md for the commands and figures.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mutations  # noqa: E402

HEADER_EXTS = (".h", ".hh", ".hpp", ".hxx")


def entries(build_dir):
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        db = json.load(f)
    for e in db:
        path = e["file"] if os.path.isabs(e["file"]) else os.path.join(e["directory"], e["file"])
        e["abs_file"] = os.path.realpath(path)
    return db


def candidate_files(db, root, build_dir):
    """The database's sources and the headers in their directories (not in the build tree)."""
    files = {e["abs_file"] for e in db}
    for d in {os.path.dirname(f) for f in files}:
        for name in os.listdir(d):
            path = os.path.join(d, name)
            if name.endswith(HEADER_EXTS) and os.path.isfile(path):
                files.add(path)
    build = os.path.realpath(build_dir)
    in_build = (lambda f: False) if build == root else (lambda f: f.startswith(build + os.sep))  # in-tree builds
    return sorted(f for f in files if f.startswith(root + os.sep) and not in_build(f))


def scratch_copy(root, build_dir, db, scratch):
    """The tree copied to scratch/tree and the database rewritten to point there."""
    tree = os.path.join(scratch, "tree")
    shutil.copytree(root, tree, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    text = json.dumps([{k: v for k, v in e.items() if k != "abs_file"} for e in db])
    text = text.replace(root + "/", tree + "/").replace(json.dumps(root)[1:-1], tree)
    build = os.path.join(scratch, "db")
    os.makedirs(build)
    with open(os.path.join(build, "compile_commands.json"), "w") as f:
        f.write(text)
    return tree, build


def check(args, build, cache, out):
    cmd = [args.lockscope, "check", "-p", build, "-q", "--format", "json", "-o", out, "--cache-dir", cache,
           "-j", str(args.jobs)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"run.py: `{' '.join(cmd)}` exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    with open(out) as f:
        return json.load(f)["findings"]


def key(finding):
    loc = finding["location"]
    return (finding["kind"], finding["message"], loc["file"], loc["line"])


def resolve(file, directories):
    """A reported file name as a real path: relative names are relative to a compile directory."""
    if os.path.isabs(file):
        return os.path.realpath(file)
    for d in directories:
        if os.path.exists(os.path.join(d, file)):
            return os.path.realpath(os.path.join(d, file))
    return file


def places(finding, directories):
    """Every (real path, line) a finding points at: its location and its notes'."""
    locs = [finding["location"]] + [n["location"] for n in finding.get("notes", [])]
    return [(resolve(l["file"], directories), l["line"]) for l in locs if l.get("file")]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lockscope", required=True)
    ap.add_argument("-p", dest="build_dir", required=True, help="directory holding compile_commands.json")
    ap.add_argument("--root", help="source tree to mutate (default: the database's common directory)")
    ap.add_argument("--sample", type=int, default=20, help="mutations to run (default 20)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--all", action="store_true", help="run every mutation, not a sample")
    ap.add_argument("-j", dest="jobs", type=int, default=2)
    ap.add_argument("--list", action="store_true", help="only list the mutations found")
    args = ap.parse_args()
    args.lockscope = os.path.abspath(args.lockscope)

    db = entries(args.build_dir)
    root = os.path.realpath(args.root or os.path.commonpath([os.path.dirname(e["abs_file"]) for e in db]))
    found = []
    for path in candidate_files(db, root, args.build_dir):
        with open(path, errors="replace") as f:
            found += mutations.find_mutations(os.path.relpath(path, root), f.read())
    if args.list:
        for m in found:
            print(m.describe())
        print(f"{len(found)} mutations")
        return
    chosen = found if args.all or args.sample >= len(found) else random.Random(args.seed).sample(found, args.sample)
    chosen.sort(key=lambda m: (m.file, m.lines[0]))

    with tempfile.TemporaryDirectory(prefix="lockscope-mutation-") as scratch:
        tree, build = scratch_copy(root, args.build_dir, db, scratch)
        with open(os.path.join(build, "compile_commands.json")) as f:
            directories = sorted({e["directory"] for e in json.load(f)})
        cache, out = os.path.join(scratch, "cache"), os.path.join(scratch, "report.json")
        start = time.time()
        baseline = check(args, build, cache, out)
        print(f"untouched tree: {len(baseline)} findings")
        for f in baseline:
            print(f"  {f['location']['file']}:{f['location']['line']}: {f['kind']}: {f['message']}")
        known = {key(f) for f in baseline}
        hits = 0
        for i, m in enumerate(chosen, 1):
            path = os.path.join(tree, m.file)
            with open(path) as f:
                original = f.read()
            with open(path, "w") as f:
                f.write(mutations.apply(original, m))
            try:
                findings = [f for f in check(args, build, cache, out) if key(f) not in known]
            finally:
                with open(path, "w") as f:
                    f.write(original)
            real = os.path.realpath(path)
            hit = any(p == real and m.function[0] <= line <= m.function[1] for f in findings for p, line in places(f, directories))
            hits += hit
            print(f"[{i}/{len(chosen)}] {'FOUND ' if hit else 'missed'} {m.describe()}"
                  f" ({len(findings)} new finding{'s' if len(findings) != 1 else ''})", flush=True)
        n = len(chosen)
        print(f"\nrecall: {hits}/{n} = {100.0 * hits / n if n else 0:.0f}% of {n} mutations "
              f"(of {len(found)} found; seed {args.seed})")
        print(f"false positives: {len(baseline)} findings on the untouched tree")
        print(f"time: {time.time() - start:.0f} s")


if __name__ == "__main__":
    main()
