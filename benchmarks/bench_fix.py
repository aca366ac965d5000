#!/usr/bin/env python3
"""Speed and reach of the fixer against pixee's secure-random codemod, on one tree, in one run.

Usage: python benchmarks/bench_fix.py [TREE] [--repeat N]

Runs `secure-random fix --diff` (nothing is written) and `codemodder --codemod-include
pixee:python/secure-random --dry-run` on the same tree (default: a copy of the running Python's
standard library). codemodder and semgrep are installed on first use into benchmarks/.cache/pixee
(from PyPI); semgrep's network calls are switched off, which this machine could not answer anyway.
Reports median wall time and how many files each would change.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
PIXEE = HERE / ".cache" / "pixee"


def pixee_bin() -> Path:
    bindir = PIXEE / "bin"
    if not (bindir / "codemodder").exists() or not (bindir / "semgrep").exists():
        venv.create(PIXEE, with_pip=True)
        subprocess.run([str(bindir / "pip"), "install", "--quiet", "codemodder", "semgrep"], check=True)
    return bindir


def timed(cmd, cwd, env=None):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return time.perf_counter() - start, proc.stdout


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("tree", nargs="?")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.tree:
            tree = Path(args.tree).resolve()
        else:  # a copy, so that nothing can touch the real standard library
            tree = Path(tmp) / "stdlib"
            shutil.copytree(sysconfig.get_paths()["stdlib"], tree, ignore=shutil.ignore_patterns("site-packages", "__pycache__"))
        bindir = pixee_bin()
        env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ['PATH']}",
                   SEMGREP_ENABLE_VERSION_CHECK="0", SEMGREP_SEND_METRICS="off")
        codetf = Path(tmp) / "pixee.codetf"
        ours = str(Path(sys.executable).parent / "secure-random")
        runs = {
            "secure-random fix --diff": [ours, "fix", "--diff", "."],
            "secure-random fix --diff --include-tests": [ours, "fix", "--diff", "--include-tests", "."],
            "pixee secure-random --dry-run": [str(bindir / "codemodder"), "--codemod-include", "pixee:python/secure-random",
                                              "--dry-run", "--output", str(codetf), "."],
        }
        samples = {name: [] for name in runs}
        outputs = {}
        for _ in range(args.repeat):
            for name, cmd in runs.items():
                wall, out = timed(cmd, tree, env)
                samples[name].append(wall)
                outputs[name] = out
        files = sum(1 for _ in tree.rglob("*.py"))
        print(f"tree: {tree} ({files} .py files), {args.repeat} run(s) each")
        for name, walls in samples.items():
            if name.startswith("pixee"):
                changed = len(json.loads(codetf.read_text())["results"][0]["changeset"]) if codetf.exists() else "?"
            else:
                changed = sum(1 for line in outputs[name].splitlines() if line.startswith("+++ "))
            print(f"{name:42s} wall {statistics.median(walls):7.2f}s  files it would change: {changed}")
        ratio = statistics.median(samples["pixee secure-random --dry-run"]) / statistics.median(samples["secure-random fix --diff"])
        print(f"pixee / secure-random fix: {ratio:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
