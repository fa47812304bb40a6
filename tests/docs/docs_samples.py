#!/usr/bin/env python3
"""Keeps the code blocks of the README and docs/*.md true: a block right after

  <!-- sample: lockscope check testdata/deadlock_classic_bad.cpp -- -std=c++20 -pthread -->

holds `$ COMMAND` and what the command prints (standard output and error, as a terminal shows
them), run from the repository root with the lockscope binary under test; a block right after

  <!-- include: docs/examples/gitlab-ci.yml -->

holds that file. `--check` (the ctest) fails with a diff when a block differs; `--update`
(scripts/update-docs.sh) rewrites the blocks.

  docs_samples.py (--check|--update) --lockscope BINARY --source-dir REPO FILE.md...
"""
import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys

MARKER = re.compile(r"^<!-- (sample|include): (.+?) -->\n(```[^\n]*\n)(.*?)^```\n", re.M | re.S)


def sample_text(command, lockscope, source_dir):
    argv = shlex.split(command)
    if argv[0] != "lockscope":
        raise SystemExit(f"sample command must start with lockscope: {command}")
    env = dict(os.environ, LC_ALL="C")
    r = subprocess.run([lockscope] + argv[1:], cwd=source_dir, env=env, text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if r.returncode not in (0, 1):
        raise SystemExit(f"sample `{command}` exited {r.returncode}:\n{r.stdout}")
    return f"$ {command}\n{r.stdout}"


def render(text, lockscope, source_dir):
    def block(m):
        kind, arg, fence, _ = m.groups()
        if kind == "sample":
            body = sample_text(arg, lockscope, source_dir)
        else:
            with open(os.path.join(source_dir, arg)) as f:
                body = f.read()
        if not body.endswith("\n"):
            body += "\n"
        return f"<!-- {kind}: {arg} -->\n{fence}{body}```\n"
    return MARKER.sub(block, text)


def main():
    parser = argparse.ArgumentParser()
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true")
    mode.add_argument("--update", action="store_true")
    parser.add_argument("--lockscope", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    lockscope = os.path.abspath(args.lockscope)
    stale = []
    for name in args.files:
        path = os.path.join(args.source_dir, name)
        with open(path) as f:
            text = f.read()
        blocks = len(MARKER.findall(text))
        new = render(text, lockscope, args.source_dir)
        if new == text:
            print(f"{name}: {blocks} generated blocks up to date")
            continue
        if args.update:
            with open(path, "w") as f:
                f.write(new)
            print(f"{name}: updated")
        else:
            stale.append(name)
            sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), new.splitlines(True), name,
                                                       name + " (generated)"))
    if stale:
        print(f"\nstale blocks in {', '.join(stale)}: run scripts/update-docs.sh", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
