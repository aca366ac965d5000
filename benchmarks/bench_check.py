#!/usr/bin/env python3
"""Speed of the check on one tree, all tools in one run: flake8 alone vs flake8 with this plugin,
and `secure-random check` vs `ruff --select S311` vs `bandit -t B311`.

Usage: python benchmarks/bench_check.py [TREE] [--repeat N]
TREE defaults to the running Python's standard library. "flake8 alone" runs in a virtualenv of its
own (benchmarks/.cache/flake8-only, made on first use with the same flake8 version from PyPI),
because the plugin runs in every flake8 that can import it. Wall time is the median of N runs;
CPU is user+sys of the tool's processes (less noisy on a busy machine). The package's bytecode is
compiled first, as `pip install` does.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import time
import venv
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASELINE = HERE / ".cache" / "flake8-only"


def flake8_only() -> Path:
    python = BASELINE / "bin" / "python"
    # The same flake8 and the same checks it runs, so that the plugin is the only difference.
    pins = [f"{name}=={version(name)}" for name in ("flake8", "pycodestyle", "pyflakes", "mccabe")]
    stamp = BASELINE / "pins.txt"
    if python.exists() and stamp.exists() and stamp.read_text() == " ".join(pins):
        return python
    if BASELINE.exists():
        shutil.rmtree(BASELINE)
    venv.create(BASELINE, with_pip=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *pins], check=True)
    stamp.write_text(" ".join(pins))
    return python


def timed(cmd: list, cwd: Path) -> tuple:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, len(proc.stdout.splitlines())


def plugin_cpu(files: list) -> float:
    """CPU seconds the plugin's run() takes over `files`, given the tree and lines as flake8 gives them."""
    import ast
    import tokenize
    import warnings

    from flake8_secure_random.flake8_plugin import SecureRandomChecker

    total = 0.0
    for path in files:
        try:
            with tokenize.open(path) as f:
                lines = f.readlines()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse("".join(lines))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        start = time.process_time()
        list(SecureRandomChecker(tree, str(path), lines).run())
        total += time.process_time() - start
    return total


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("tree", nargs="?", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-flake8", action="store_true", help="only the secure-random / ruff / bandit part")
    ap.add_argument("--skip-bandit", action="store_true", help="leave bandit out (a minute a run on the stdlib)")
    args = ap.parse_args(argv)
    tree = Path(args.tree).resolve()
    # As after `pip install` (which compiles bytecode): with PYTHONDONTWRITEBYTECODE set or an
    # editable install, every run would otherwise compile the plugin's modules again (~40 ms).
    import compileall

    import flake8_secure_random

    compileall.compile_dir(str(Path(flake8_secure_random.__file__).parent), quiet=1)
    exclude = "site-packages,__pycache__"
    bindir = Path(sys.executable).parent

    def tool(name: str) -> str:
        return str(bindir / name) if (bindir / name).exists() else (shutil.which(name) or name)

    runs = {}
    if not args.skip_flake8:
        base = flake8_only()
        # pycodestyle and pyflakes on, as a team has them; the same selection for both.
        runs["flake8 alone"] = [str(base), "-m", "flake8", "--exclude", exclude, "--exit-zero", "."]
        runs["flake8 + secure-random"] = [sys.executable, "-m", "flake8", "--exclude", exclude, "--exit-zero", "."]
    runs["secure-random check"] = [tool("secure-random"), "check", "."]
    runs["secure-random check --include-tests"] = [tool("secure-random"), "check", "--include-tests", "."]
    runs["ruff --select S311"] = [tool("ruff"), "check", "--isolated", "--no-cache", "--select", "S311", "--exit-zero", "."]
    if not args.skip_bandit:
        runs["bandit -t B311"] = [tool("bandit"), "-q", "-r", "-t", "B311", "-x", "./site-packages", "."]

    files = sorted(p for p in tree.rglob("*.py") if "site-packages" not in p.parts)
    print(f"tree: {tree} ({len(files)} .py files), {args.repeat} run(s) each, {os.cpu_count()} CPUs")
    # Runs are interleaved (A B C ... A B C ...) so that a slow spell of the machine hits every tool.
    samples: dict = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, cmd in runs.items():
            samples[name].append(timed(cmd, tree))
    results = {}
    for name, got in samples.items():
        wall = statistics.median(s[0] for s in got)
        cpu = statistics.median(s[1] for s in got)
        results[name] = (wall, cpu)
        print(f"{name:38s} wall {wall:7.2f}s  cpu {cpu:7.2f}s  ({got[0][2]} output lines)", flush=True)
    if "flake8 alone" in results:
        (w0, c0), (w1, c1) = results["flake8 alone"], results["flake8 + secure-random"]
        print(f"flake8 with the plugin vs alone: wall {100 * (w1 - w0) / w0:+.1f}%, cpu {100 * (c1 - c0) / c0:+.1f}%")
        own = plugin_cpu(files)
        print(f"the plugin's own time in flake8 (in-process, every file): {own:.2f}s = {100 * own / c0:.2f}% of flake8's cpu")
    sr, ruff = results["secure-random check"][0], results["ruff --select S311"][0]
    print(f"secure-random check / ruff S311 wall time: {sr / ruff:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
