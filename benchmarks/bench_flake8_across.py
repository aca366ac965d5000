#!/usr/bin/env python3
"""What following values across modules costs flake8: CPU (user+sys, GNU time) of `flake8 --exit-zero .`
run in TREE, a project (a folder with pyproject.toml), in five ways:

  flake8 alone                 a virtualenv without the plugin (benchmarks/.cache/flake8-only, as
                               bench_check.py makes it: the same flake8, pycodestyle, pyflakes, mccabe)
  plugin not selected          this Python's flake8 with `--select E,F,W` (the plugin runs, one file at a time)
  no cross-module              `--secure-random-no-cross-module`
  cross-module, cold index     the plugin as installed, its cache folder emptied before each run
  cross-module, warm index     the same, after a run that filled it

Usage: python benchmarks/bench_flake8_across.py TREE [--repeat 3] [--jobs N] [--breakdown]
Rows are medians of N interleaved runs (A B C D E, A B C D E, ...).

--breakdown measures the cross-module work from inside flake8 instead (one process, --jobs=1): the
CPU of the whole run, of the plugin's run() over all files, and of the cross-module work in it
(`Demands.prepare` in flake8's main process and every `Demands.of`), cold and warm. On a busy
machine the difference of two whole runs is noise of a few per cent; this share is not. The cache lives in a temporary
folder (SECURE_RANDOM_CACHE_DIR); nothing is written into TREE. The package's bytecode is compiled
first, as `pip install` does (an editable install under PYTHONDONTWRITEBYTECODE would compile it in
every run).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Tuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_check import flake8_only  # noqa: E402


def timed(cmd: List[str], cwd: Path, env: Dict[str, str]) -> Tuple[float, float, int]:
    """(wall s, user+sys s, output lines) of one run, as GNU time reports them."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        proc = subprocess.run(["/usr/bin/time", "-f", "%e %U %S", "-o", report.name, *cmd], cwd=cwd, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
        wall, user, system = (float(x) for x in report.read().split()[-3:])
    return wall, user + system, len(proc.stdout.splitlines())


def _inner_breakdown() -> None:
    """In the tree, one flake8 run in this process with timers around the cross-module work."""
    import json
    import resource
    import time

    from flake8.main.cli import main as flake8_main

    from flake8_secure_random import across
    from flake8_secure_random.flake8_plugin import SecureRandomChecker

    spent = {"prepare": 0.0, "of": 0.0, "run": 0.0}

    def timed_method(cls, name, key, generator=False):
        real = getattr(cls, name)

        def wrapper(*a, **k):
            start = time.process_time()
            try:
                return list(real(*a, **k)) if generator else real(*a, **k)
            finally:
                spent[key] += time.process_time() - start
        setattr(cls, name, wrapper)

    timed_method(across.Demands, "prepare", "prepare")
    timed_method(across.Demands, "of", "of")
    timed_method(SecureRandomChecker, "run", "run", generator=True)
    try:
        flake8_main(["--exit-zero", "--jobs=1", f"--output-file={os.devnull}", "."])
    except SystemExit:
        pass
    usage = resource.getrusage(resource.RUSAGE_SELF)
    spent["total"] = usage.ru_utime + usage.ru_stime
    print(json.dumps(spent))


def breakdown(tree: Path, env: Dict[str, str], cache: Path, repeat: int) -> None:
    import json

    rows: Dict[str, List[Dict[str, float]]] = {"cold": [], "warm": []}
    for _ in range(repeat):
        for kind in rows:
            if kind == "cold":
                shutil.rmtree(cache, ignore_errors=True)
            proc = subprocess.run([sys.executable, __file__, "--inner-breakdown"], cwd=tree, env=env,
                                  capture_output=True, text=True, check=True)
            rows[kind].append(json.loads(proc.stdout.splitlines()[-1]))
    print(f"{tree} (flake8 --jobs=1, in one process; median of {repeat})")
    print("| index | flake8 CPU s | plugin run() s | cross-module s (prepare + of) | share of flake8 |")
    print("|---|---|---|---|---|")
    for kind, runs in rows.items():
        total = statistics.median(r["total"] for r in runs)
        run = statistics.median(r["run"] for r in runs)
        prep = statistics.median(r["prepare"] for r in runs)
        of = statistics.median(r["of"] for r in runs)
        print(f"| {kind} | {total:.2f} | {run:.2f} | {prep + of:.2f} ({prep:.2f} + {of:.3f}) | {100 * (prep + of) / total:.1f}% |")


def main() -> int:
    if sys.argv[1:] == ["--inner-breakdown"]:
        _inner_breakdown()
        return 0
    ap = argparse.ArgumentParser()
    ap.add_argument("tree", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", default="auto", help="flake8's --jobs (default: auto, one per core)")
    ap.add_argument("--breakdown", action="store_true", help="time the cross-module work inside one flake8 process")
    args = ap.parse_args()
    import compileall

    import flake8_secure_random

    compileall.compile_dir(str(Path(flake8_secure_random.__file__).parent), quiet=1)
    tree = args.tree.resolve()
    cache = Path(tempfile.mkdtemp(prefix="bench-across-"))
    env = {k: v for k, v in os.environ.items() if k != "SECURE_RANDOM_NO_CACHE"}
    env["SECURE_RANDOM_CACHE_DIR"] = str(cache)
    if args.breakdown:
        try:
            breakdown(tree, env, cache, args.repeat)
        finally:
            shutil.rmtree(cache, ignore_errors=True)
        return 0
    # the console scripts, not `python -m flake8`: `-m` puts the current folder first on sys.path,
    # and in a copy of the standard library its modules would shadow the real ones
    base = [str(flake8_only().parent / "flake8"), "--exit-zero", f"--jobs={args.jobs}", "."]
    ours = [str(Path(sys.executable).parent / "flake8"), "--exit-zero", f"--jobs={args.jobs}", "."]
    runs = {
        "flake8 alone": base,
        "plugin not selected (--select E,F,W)": [*ours, "--select", "E,F,W"],
        "no cross-module": [*ours, "--secure-random-no-cross-module"],
        "cross-module, cold index": ours,
        "cross-module, warm index": ours,
    }
    results: Dict[str, List[Tuple[float, float, int]]] = {name: [] for name in runs}
    try:
        subprocess.run(ours, cwd=tree, env=env, stdout=subprocess.DEVNULL, check=False)  # bytecode, disk cache
        for _ in range(args.repeat):
            for name, cmd in runs.items():
                if name.endswith("cold index"):
                    shutil.rmtree(cache, ignore_errors=True)
                results[name].append(timed(cmd, tree, env))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    alone = statistics.median(cpu for _, cpu, _ in results["flake8 alone"])
    print(f"{tree} (flake8 --jobs={args.jobs}; median of {args.repeat})")
    print("| run | wall s | CPU s (user+sys) | vs flake8 alone | lines |")
    print("|---|---|---|---|---|")
    for name, rows in results.items():
        wall = statistics.median(w for w, _, _ in rows)
        cpu = statistics.median(c for _, c, _ in rows)
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {100 * (cpu - alone) / alone:+.1f}% | {rows[-1][2]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
