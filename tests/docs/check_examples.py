#!/usr/bin/env python3
"""The CI examples under docs/examples/ are real: each is parsed as the CI service would, checked
against the rules every example follows, and its lockscope commands are run against a scratch
project with the lockscope binary under test.

  check_examples.py --lockscope BINARY --source-dir REPO

Rules: every job runs in debian:12 (the .deb is built for it); no sudo (the container is root);
`apt-get update` comes before any `apt-get install`; the .deb is LOCKSCOPE_DEB, one path for every
example, named after the project's version; every shell step passes `bash -n`; every line that runs
lockscope exits 0 or 1 (findings), never 2 (bad options or input).
"""
import argparse
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

failures = []


def fail(example, message):
    failures.append(f"{example}: {message}")


def project_version(source_dir):
    with open(os.path.join(source_dir, "CMakeLists.txt")) as f:
        return re.search(r"project\(lockscope VERSION (\d+\.\d+\.\d+)", f.read()).group(1)


def github_jobs(doc):
    """(job name, image, environment, [(matrix values, script)]) for a GitHub Actions workflow."""
    for name, job in doc["jobs"].items():
        matrix = job.get("strategy", {}).get("matrix", {})
        keys = sorted(matrix)
        combos = [dict(zip(keys, values)) for values in itertools.product(*(matrix[k] for k in keys))] or [{}]
        scripts = [step["run"] for step in job["steps"] if "run" in step]
        yield name, job.get("container"), dict(doc.get("env", {})), [(c, scripts) for c in combos]


def gitlab_jobs(doc):
    reserved = {"image", "variables", "before_script", "after_script", "stages", "default", "include"}
    for name, job in doc.items():
        if name in reserved or not isinstance(job, dict):
            continue
        lines = doc.get("before_script", []) + job["script"] + job.get("after_script", [])
        yield name, job.get("image", doc.get("image")), dict(doc.get("variables", {})), [({}, ["\n".join(lines)])]


def substitute(script, values):
    """GitHub expressions: matrix values as given, anything else (github.sha) as a placeholder."""
    def value(m):
        expr = m.group(1).strip()
        if expr.startswith("matrix."):
            return str(values[expr[len("matrix."):]])
        return "placeholder"
    return re.sub(r"\$\{\{(.*?)\}\}", value, script)


def check_rules(example, job, image, env, script, deb):
    if image != "debian:12":
        fail(example, f"job {job} runs in {image!r}, not debian:12 (the .deb is built for Debian 12)")
    if re.search(r"\bsudo\b", script):
        fail(example, f"job {job} uses sudo; the debian:12 container runs as root")
    install = script.find("apt-get install")
    if install >= 0 and script.find("apt-get update") not in range(0, install):
        fail(example, f"job {job}: apt-get install without apt-get update before it")
    if install >= 0 and "$LOCKSCOPE_DEB" not in script[install:].split("\n")[0]:
        fail(example, f"job {job}: apt-get install does not install $LOCKSCOPE_DEB")
    for path in re.findall(r"[\w./*-]+\.deb\b", script):
        fail(example, f"job {job} names a .deb itself ({path}); use $LOCKSCOPE_DEB")
    if env.get("LOCKSCOPE_DEB") != deb:
        fail(example, f"LOCKSCOPE_DEB is {env.get('LOCKSCOPE_DEB')!r}, expected {deb!r}")
    syntax = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True)
    if syntax.returncode != 0:
        fail(example, f"job {job}: bash -n: {syntax.stderr.strip()}")


def scratch_project(lockscope_dir, work):
    """The classic inversion with its compile database and a committed baseline, as CI would find it."""
    os.makedirs(os.path.join(work, "build"))
    with open(os.path.join(work, "bank.cpp"), "w") as f:
        f.write("#include <mutex>\n#include <thread>\nstd::mutex a, b;\n"
                "void first() { std::lock_guard<std::mutex> la(a); std::lock_guard<std::mutex> lb(b); }\n"
                "void second() { std::lock_guard<std::mutex> lb(b); std::lock_guard<std::mutex> la(a); }\n"
                "int main() { std::thread t1(first), t2(second); t1.join(); t2.join(); }\n")
    with open(os.path.join(work, "build", "compile_commands.json"), "w") as f:
        f.write('[{"directory": "%s", "file": "bank.cpp", "command": "clang++-19 -std=c++20 -pthread -c bank.cpp"}]\n'
                % work)
    env = dict(os.environ, PATH=lockscope_dir + os.pathsep + os.environ["PATH"])
    subprocess.run(["lockscope", "check", "-p", "build", "--write-baseline", "lockscope-baseline.json", "--quiet"],
                   cwd=work, env=env, check=True, capture_output=True)
    # What a test run under the runtime leaves (LOCKSCOPE_REPORT): a report `graph` reads.
    with open(os.path.join(work, "build", "lockscope-bank_test.json"), "w") as out:
        subprocess.run(["lockscope", "check", "-p", "build", "--format", "json", "--quiet"], cwd=work, env=env,
                       stdout=out)
    return env


def run_lockscope_lines(example, job, script, work, env):
    runs = 0
    for line in script.split("\n"):
        line = line.strip()
        if not line.startswith("lockscope ") and not (line.startswith("for ") and "lockscope " in line):
            continue
        runs += 1
        line = re.sub(r"\s*\|\|\s*status=\$\?$", "", line)  # the status kept for later must still be 0 or 1
        r = subprocess.run(["bash", "-c", line], cwd=work, env=env, text=True, capture_output=True)
        if r.returncode not in (0, 1):
            fail(example, f"job {job}: `{line}` exited {r.returncode}:\n{r.stdout}{r.stderr}")
    return runs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lockscope", required=True)
    parser.add_argument("--source-dir", required=True)
    args = parser.parse_args()
    examples_dir = os.path.join(args.source_dir, "docs", "examples")
    deb = f"./ci/lockscope_{project_version(args.source_dir)}_amd64.deb"
    examples = sorted(f for f in os.listdir(examples_dir) if f.endswith(".yml"))
    if not examples:
        fail(examples_dir, "no examples")
    with tempfile.TemporaryDirectory() as tmp:
        bin_dir = os.path.join(tmp, "bin")
        os.makedirs(bin_dir)
        os.symlink(os.path.abspath(args.lockscope), os.path.join(bin_dir, "lockscope"))
        for example in examples:
            with open(os.path.join(examples_dir, example)) as f:
                doc = yaml.safe_load(f)
            jobs = github_jobs(doc) if "jobs" in doc else gitlab_jobs(doc)
            work = os.path.join(tmp, example)
            env = scratch_project(bin_dir, work)
            runs = 0
            for job, image, job_env, variants in jobs:
                for values, scripts in variants:
                    for script in scripts:
                        script = substitute(script, values)
                        check_rules(example, job, image, job_env, script, deb)
                        runs += run_lockscope_lines(example, job, script, work, dict(env, **job_env))
            if runs == 0:
                fail(example, "runs no lockscope command")
            print(f"{example}: {runs} lockscope command lines ran")
    for f in failures:
        print("FAIL", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
