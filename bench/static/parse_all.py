#!/usr/bin/env python3
"""The baseline of bench/static: `clang -fsyntax-only` over every entry of a compile database,
one after another, with the entry's own compiler and flags (minus -c / -o). Parsing is the floor
of what `lockscope check` can cost; run.sh compares the two.

usage: parse_all.py BUILD_DIR_OR_compile_commands.json
"""
import json
import os
import shlex
import subprocess
import sys


def syntax_only(argv):
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "-o":
            skip = True
        elif arg == "-c" or arg.startswith("-o"):
            continue
        else:
            out.append(arg)
    return out[:1] + ["-fsyntax-only"] + out[1:]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    if os.path.isdir(path):
        path = os.path.join(path, "compile_commands.json")
    with open(path) as f:
        entries = json.load(f)
    failed = 0
    for e in entries:
        argv = e.get("arguments") or shlex.split(e["command"])
        failed += subprocess.run(syntax_only(argv), cwd=e["directory"]).returncode != 0
    if failed:
        sys.exit(f"parse_all: {failed} of {len(entries)} entries failed to parse")


if __name__ == "__main__":
    main()
