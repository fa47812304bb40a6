#!/usr/bin/env python3
"""Score `lockscope check` on the testdata programs, per idiom of issue 14 and overall.

Every program of testdata/ and testdata/known-gaps/ is checked on its own (a compile database made the
way the harness makes it), and its findings are compared with the expectations written in its comments
(testdata/README.md) that the static half must meet: `expect: K` for a kind the static half reports or is
meant to report, and `expect[static]: K`.

Two scores, each as recall, precision and F1:
  findings  expected findings met (recall) and findings met among all findings (precision);
  files     one verdict per program, as the per-file suites of issue 14 are scored: a must-report program
            counts as found (TP) when every expectation is met, else missed (FN); a program with any
            finding nobody expected is a wrong report (FP), whether it expects findings or not.

usage: bench/idioms/score.py [--lockscope BIN] [--root TESTDATA] [--idioms MAP] [-j N] [--json OUT]
                             [--only REGEX] [-v]
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))

# What the static half reports, or is meant to report under issue 14 (thread-unsafe-call is new; an
# unlock of a lock the path never took is asked for statically too).
STATIC_KINDS = {"lock-order-inversion", "double-lock", "data-race", "thread-unsafe-call", "unlock-not-held"}
EXPECT_RE = re.compile(r"//\s*expect(\[([A-Za-z-]*)\])?\s*:(.*)$")
DIRECTIVE_RE = re.compile(r"//\s*lockscope-test:\s*([a-z-]+)\s*(:\s*(.*))?$")
SOURCE_EXT = (".c", ".cpp", ".cc")


def die(message):
    print(f"score.py: {message}", file=sys.stderr)
    sys.exit(2)


def programs_under(folder):
    """Top-level sources and folders of sources (harness/ and known-gaps/ are not programs)."""
    found = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and name.endswith(SOURCE_EXT):
            found.append(path)
        elif os.path.isdir(path) and name not in ("harness", "known-gaps"):
            if any(n.endswith(SOURCE_EXT) for n in os.listdir(path)):
                found.append(path)
    return found


def sources_of(program):
    if os.path.isdir(program):
        return sorted(os.path.join(program, n) for n in os.listdir(program) if n.endswith(SOURCE_EXT))
    return [program]


def parse_program(program):
    """(expectations as a Counter of (realpath, line, kind), directives)."""
    expected = collections.Counter()
    directives = {}
    for src in sources_of(program):
        with open(src, encoding="utf-8", errors="replace") as f:
            for line_no, text in enumerate(f, start=1):
                d = DIRECTIVE_RE.search(text)
                if d:
                    directives[d.group(1)] = (d.group(3) or "").strip()
                    continue
                m = EXPECT_RE.search(text)
                if not m:
                    continue
                scope = m.group(2) if m.group(1) else ""
                if scope == "runtime":
                    continue
                for kind in (k.strip() for k in m.group(3).split(",")):
                    if kind and (scope == "static" or kind in STATIC_KINDS):
                        expected[(os.path.realpath(src), line_no, kind)] += 1
    return expected, directives


def check(lockscope, program, directives):
    """The findings of `lockscope check` on one program, as a Counter of (realpath, line, kind)."""
    work = tempfile.mkdtemp(prefix="lockscope-idioms-")
    try:
        extra = directives.get("cflags", "").split()
        db = []
        for src in sources_of(program):
            cxx = not src.endswith(".c")
            args = ["clang++-19" if cxx else "clang-19", "-std=c++20" if cxx else "-std=c11", "-pthread"]
            db.append({"directory": os.path.dirname(src), "file": src, "arguments": args + extra + ["-c", src]})
        with open(os.path.join(work, "compile_commands.json"), "w") as f:
            json.dump(db, f)
        out = os.path.join(work, "report.json")
        cmd = [lockscope, "check", "-j1", "-p", work, "--format", "json", "--output", out]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
        if r.returncode not in (0, 1) or not os.path.exists(out):
            return None, f"exit {r.returncode}: {r.stdout.strip()[:300]}"
        with open(out) as f:
            report = json.load(f)
        found = collections.Counter()
        for finding in report.get("findings", []):
            loc = finding.get("location", {})
            path = loc.get("file", "")
            if path and not os.path.isabs(path):
                path = os.path.join(os.path.dirname(sources_of(program)[0]), path)
            found[(os.path.realpath(path), int(loc.get("line", 0)), finding.get("kind", ""))] += 1
        return found, None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def read_idioms(path):
    """program name -> idiom, from lines `idiom: program program ...` (# comments)."""
    idiom_of = {}
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            idiom, _, names = line.partition(":")
            for name in names.split():
                if name in idiom_of:
                    die(f"{path}: {name} is listed under both {idiom_of[name]} and {idiom.strip()}")
                idiom_of[name] = idiom.strip()
    return idiom_of


def ratio(a, b):
    return a / b if b else None


def f1(p, r):
    if p is None or r is None or p + r == 0:
        return None
    return 2 * p * r / (p + r)


def fmt(x):
    return "  -  " if x is None else f"{x:5.2f}"


class Tally:
    def __init__(self):
        self.expected = self.met = self.unexpected = 0
        self.tp = self.fn = self.fp = self.files = 0

    def add(self, result):
        self.files += 1
        self.expected += result["expected"]
        self.met += result["met"]
        self.unexpected += result["unexpected"]
        if result["expected"]:
            if result["met"] == result["expected"]:
                self.tp += 1
            else:
                self.fn += 1
        if result["unexpected"]:
            self.fp += 1

    def row(self, name):
        r = ratio(self.met, self.expected)
        p = ratio(self.met, self.met + self.unexpected)
        fr = ratio(self.tp, self.tp + self.fn)
        fp = ratio(self.tp, self.tp + self.fp)
        return (f"{name:<32} {self.files:>5} | {self.met:>3}/{self.expected:<3} {self.unexpected:>4} "
                f"{fmt(r)} {fmt(p)} {fmt(f1(p, r))} | {self.tp:>3} {self.fn:>3} {self.fp:>3} "
                f"{fmt(fr)} {fmt(fp)} {fmt(f1(fp, fr))}")

    def as_dict(self):
        r, p = ratio(self.met, self.expected), ratio(self.met, self.met + self.unexpected)
        fr, fp = ratio(self.tp, self.tp + self.fn), ratio(self.tp, self.tp + self.fp)
        return {"programs": self.files, "expected": self.expected, "met": self.met, "unexpected": self.unexpected,
                "recall": r, "precision": p, "f1": f1(p, r), "files_tp": self.tp, "files_fn": self.fn,
                "files_fp": self.fp, "files_recall": fr, "files_precision": fp, "files_f1": f1(fp, fr)}


def score_one(lockscope, program):
    expected, directives = parse_program(program)
    found, error = check(lockscope, program, directives)
    if found is None:
        # A program the checker cannot analyze meets nothing and counts as a wrong answer.
        found = collections.Counter()
    met = sum((expected & found).values())
    return {"program": program, "expected": sum(expected.values()), "met": met,
            "unexpected": sum(found.values()) - met, "error": error,
            "missing": sorted(expected - found), "extra": sorted(found - expected)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lockscope", default=os.path.join(REPO, "build", "tools", "lockscope", "lockscope"))
    ap.add_argument("--root", default=os.path.join(REPO, "testdata"))
    ap.add_argument("--idioms", default=os.path.join(HERE, "idioms.txt"))
    ap.add_argument("-j", type=int, default=1, help="programs checked at once (default 1)")
    ap.add_argument("--json", help="also write every result and tally here")
    ap.add_argument("--only", help="score only programs whose name matches this regex")
    ap.add_argument("-v", action="store_true", help="list every missing and unexpected finding")
    opt = ap.parse_args()
    if not os.access(opt.lockscope, os.X_OK):
        die(f"{opt.lockscope} is not an executable (build the lockscope target, or pass --lockscope)")
    if not os.path.isdir(opt.root):
        die(f"no testdata folder {opt.root}")
    idiom_of = read_idioms(opt.idioms)
    programs = programs_under(opt.root)
    gaps = os.path.join(opt.root, "known-gaps")
    if os.path.isdir(gaps):
        programs += programs_under(gaps)
    if opt.only:
        programs = [p for p in programs if re.search(opt.only, os.path.basename(p))]
    names = [os.path.basename(p) for p in programs]
    for name in sorted(set(idiom_of) - set(names)):
        if not opt.only:
            print(f"score.py: warning: {name} is in {opt.idioms} but not in the testdata", file=sys.stderr)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opt.j)) as pool:
        results = list(pool.map(lambda p: score_one(opt.lockscope, p), programs))

    per_idiom = collections.defaultdict(Tally)
    overall, issue14 = Tally(), Tally()
    for res in results:
        name = os.path.basename(res["program"])
        idiom = idiom_of.get(name, "(other testdata)")
        res["idiom"] = idiom
        res["known_gap"] = os.path.dirname(res["program"]) == gaps
        per_idiom[idiom].add(res)
        overall.add(res)
        if name in idiom_of:
            issue14.add(res)

    print(f"{'idiom':<32} {'progs':>5} | {'met/exp':<7} {'unexp':>4} {'rec':>5} {'prec':>5} {'F1':>5} | "
          f"{'TP':>3} {'FN':>3} {'FP':>3} {'rec':>5} {'prec':>5} {'F1':>5}")
    print(" " * 39 + "findings" + " " * 26 + "files")
    for idiom in sorted(per_idiom, key=lambda i: (i.startswith("("), i)):
        print(per_idiom[idiom].row(idiom))
    print(issue14.row("ISSUE 14 IDIOMS"))
    print(overall.row("ALL PROGRAMS"))
    bad = [r for r in results if r["missing"] or r["extra"] or r["error"]]
    if opt.v and bad:
        print()
        for r in bad:
            rel = os.path.relpath(r["program"], opt.root)
            if r["error"]:
                print(f"{rel}: checker failed: {r['error']}")
            for f, line, kind in r["missing"]:
                print(f"{rel}: missing    {os.path.basename(f)}:{line}: {kind}")
            for f, line, kind in r["extra"]:
                print(f"{rel}: unexpected {os.path.basename(f)}:{line}: {kind}")
    if opt.json:
        with open(opt.json, "w") as f:
            json.dump({"idioms": {k: v.as_dict() for k, v in per_idiom.items()}, "issue14": issue14.as_dict(),
                       "overall": overall.as_dict(),
                       "programs": [{k: v for k, v in r.items() if k not in ("missing", "extra")} |
                                    {"missing": [list(m) for m in r["missing"]],
                                     "extra": [list(e) for e in r["extra"]]} for r in results]}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
