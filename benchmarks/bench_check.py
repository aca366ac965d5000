#!/usr/bin/env python3
"""Speed and memory of `secure-random check` against ruff (and bandit, flake8) on identical file lists.

Usage: python benchmarks/bench_check.py [TREE] [--repeat N] [--skip-flake8] [--skip-bandit] [--changed]

TREE defaults to the running Python's standard library. Every tool is handed the same explicit list
of files, so that no tool's own skip rules change what is measured:
  - "without tests": the files `secure-random` checks by default (its test-file rule, `paths.is_test_path`);
  - "with tests": every .py file (`secure-random check --include-tests`; ruff checks them anyway);
  - 1, 10 and 100 files that import `random`, tests included (a pre-commit run on a few changed files);
  - the same lists with each tool's cache warm (ruff's `.ruff_cache`, our `.secure-random-cache`).
Rows: the median wall time of N interleaved runs (A B C ... A B C ...: a slow spell of the machine
hits every tool), CPU (user+sys of the tool and its child processes) and the peak resident memory of
the largest process (GNU time's %M, KiB). Caches live in a
temporary folder and are emptied before each cold run. "flake8 alone" runs in a virtualenv of its own
(benchmarks/.cache/flake8-only, made on first use with the same flake8 version from PyPI), because the
plugin runs in every flake8 that can import it. The package's bytecode is compiled first, as `pip
install` does.

`--changed` adds a pre-commit run's rows, in a copy of TREE (`__pycache__` and `site-packages` left
out) that is its own project when TREE is one: 1, 10 and 100 files without tests, passed by name,
picked as every k-th of the sorted list ("spread") and with the files that import `random` first,
each checked (a) with `--no-cache`, (b) with the cache folder removed before the run (the project
index cold), (c) with the index and findings warm but those files edited (a comment line appended
before each run, so their findings and what the index knows of them are computed again), and (d)
with everything warm (a run untimed just before, once the edits are older than the cache's racy
window). `check` reads the whole project's files for the index: these rows show what that costs.
ruff runs on the same lists in the same four states (`--isolated`; its cache for (b)-(d)).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
BASELINE = HERE / ".cache" / "flake8-only"
IMPORTS_RANDOM = re.compile(rb"^\s*(?:import|from)\s+random\b", re.M)


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


def timed(cmd: List[str], cwd: Path, env: Dict[str, str]) -> Tuple[float, float, int, int]:
    """(wall s, cpu s, peak RSS KiB, output lines) of one run. GNU time measures the RSS when the
    machine has it: a child of this process would report this process's own size as its peak (the
    high-water mark survives fork and exec), GNU time is small."""
    gnu_time = Path("/usr/bin/time")
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        wrapped = [str(gnu_time), "-f", "%M", "-o", report.name, *cmd] if gnu_time.exists() else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        out = proc.stdout.read() if proc.stdout else b""
        _, _, usage = os.wait4(proc.pid, 0)
        proc.returncode = 0  # reaped by wait4 above
        wall = time.perf_counter() - start
        rss = usage.ru_maxrss
        if gnu_time.exists():
            lines = report.read().split()
            rss = int(lines[-1]) if lines and lines[-1].isdigit() else rss
    return wall, usage.ru_utime + usage.ru_stime, rss, len(out.splitlines())


def spread(files: List[str], n: int) -> List[str]:
    """`n` of `files`, evenly spaced in their order (every k-th): the same on every run."""
    step = len(files) / n if n else 0
    return [files[int(i * step)] for i in range(n)]


def precommit_lists(sources: List[str], drawing: List[str]) -> Dict[str, List[str]]:
    """1, 10 and 100 files of `sources`: spread over the tree, and with those importing `random`
    (`drawing`) first, the rest spread over the others."""
    lists: Dict[str, List[str]] = {}
    others = [p for p in sources if p not in set(drawing)]
    for n in sorted({min(n, len(sources)) for n in (1, 10, 100)}):
        plural = "s" if n > 1 else ""
        lists[f"{n} file{plural}, spread"] = spread(sources, n)
        first = drawing[:n] + spread(others, n - len(drawing[:n]))
        lists[f"{n} file{plural}, {len(drawing[:n])} importing random first"] = first
    return lists


def edit(files: List[Path]) -> None:
    """Append a comment line: new content, the same findings."""
    for path in files:
        data = path.read_bytes()
        path.write_bytes(data + (b"" if data.endswith(b"\n") or not data else b"\n") + b"# edited by bench_check\n")


def precommit(tree: Path, lists: Dict[str, List[str]], ours: str, ruff: str, repeat: int, env: Dict[str, str]) -> None:
    """The `--changed` rows: each list in the four cache states (see the module's docstring)."""
    from flake8_secure_random.cache import RACY_NS

    work = Path(tempfile.mkdtemp(prefix="bench-check-tree-"))
    copy = work / "tree"
    shutil.copytree(tree, copy, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "site-packages"))
    sr_cache, ruff_cache = work / "sr", work / "ruff"
    env = dict(env, SECURE_RANDOM_CACHE_DIR=str(sr_cache), RUFF_CACHE_DIR=str(ruff_cache))
    last_edit = [time.time_ns()]  # the copy's change times count too

    def settle() -> None:
        # a file changed within the racy window of its reading is read again next time (`cache.RACY_NS`)
        wait = (last_edit[0] + RACY_NS + 100_000_000 - time.time_ns()) / 1e9
        if wait > 0:
            time.sleep(wait)

    print(f"\npre-commit runs (`--changed`) in a copy of {tree}, median of {repeat} interleaved runs")
    print("| files passed | cache | `secure-random check` | `ruff check --select S311` | wall / ruff's |")
    print("|---|---|---|---|---|")
    try:
        for label, files in lists.items():
            paths = [copy / f for f in files]
            tools = {
                "secure-random": ([ours, "check"], ["--no-cache"], sr_cache),
                "ruff": ([ruff, "check", "--isolated", "--select", "S311", "--exit-zero"], ["--no-cache"], ruff_cache),
            }

            def cold(cache: Path) -> Callable[[List[str]], None]:
                return lambda cmd: shutil.rmtree(cache, ignore_errors=True)

            def warm(cmd: List[str]) -> None:
                settle()
                subprocess.run(cmd, cwd=copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

            def edited(cmd: List[str]) -> None:
                edit(paths)
                last_edit[0] = time.time_ns()

            # (state, tool) -> (command, what to do before each timed run); (d) before (c), so that
            # (c) finds the cache that (d) left, and (d) waits out the edits of (c) before warming
            runs: Dict[Tuple[str, str], Tuple[List[str], Optional[Callable[[List[str]], None]]]] = {}
            for state in ("no cache", "cold", "warm", "warm, these files edited"):
                for name, (cmd, no_cache, cache) in tools.items():
                    command = [*cmd, *(no_cache if state == "no cache" else []), *files]
                    prepare = {"no cache": None, "cold": cold(cache), "warm": warm, "warm, these files edited": edited}[state]
                    runs[(state, name)] = (command, prepare)
            samples: Dict[Tuple[str, str], list] = {key: [] for key in runs}
            for _ in range(repeat):
                for key in (k for state in ("no cache", "cold", "warm", "warm, these files edited") for k in runs if k[0] == state):
                    command, prepare = runs[key]
                    if prepare is not None:
                        prepare(command)
                    samples[key].append(timed(command, copy, env))
            for state in ("no cache", "cold", "warm", "warm, these files edited"):
                cells, walls = [], []
                for name in tools:
                    got = samples[(state, name)]
                    wall, cpu = statistics.median(s[0] for s in got), statistics.median(s[1] for s in got)
                    walls.append(wall)
                    cells.append(f"{wall:.2f} s ({cpu:.2f} s CPU, {max(s[2] for s in got) / 1024:.0f} MB)")
                print(f"| {label} | {state} | {cells[0]} | {cells[1]} | {walls[0] / walls[1]:.1f}x |", flush=True)
            # the cache must not change what is reported: every state gives as many lines
            counts = {state: {s[3] for s in samples[(state, "secure-random")]} for state in ("no cache", "cold", "warm", "warm, these files edited")}
            if len({n for c in counts.values() for n in c}) > 1:
                print(f"warning: {label}: the output differs between cache states: {counts}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("tree", nargs="?", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-flake8", action="store_true", help="leave out flake8 alone vs flake8 with the plugin")
    ap.add_argument("--skip-bandit", action="store_true", help="leave bandit out (a minute a run on the stdlib)")
    ap.add_argument("--changed", action="store_true",
                    help="also pre-commit runs on 1, 10, 100 files: no cache, cold, warm, warm with those files edited")
    args = ap.parse_args(argv)
    tree = Path(args.tree).resolve()
    import compileall

    import flake8_secure_random
    from flake8_secure_random.paths import is_test_path

    compileall.compile_dir(str(Path(flake8_secure_random.__file__).parent), quiet=1)
    bindir = Path(sys.executable).parent

    def tool(name: str) -> str:
        return str(bindir / name) if (bindir / name).exists() else (shutil.which(name) or name)

    every = sorted(
        str(p.relative_to(tree)) for p in tree.rglob("*.py")
        if "site-packages" not in p.parts and "__pycache__" not in p.parts and p.is_file()
    )
    sources = [p for p in every if not is_test_path(str(tree / p))]  # judged where the file is, not from here
    drawing = [p for p in every if IMPORTS_RANDOM.search((tree / p).read_bytes())]
    lists = {"without tests": sources, "with tests": every}
    for n in sorted({min(n, len(drawing)) for n in (1, 10, 100)}):
        lists[f"{n} file{'s' if n > 1 else ''} importing random"] = drawing[:n]

    caches = Path(tempfile.mkdtemp(prefix="bench-check-"))
    env = dict(os.environ, SECURE_RANDOM_CACHE_DIR=str(caches / "sr"), RUFF_CACHE_DIR=str(caches / "ruff"))
    env.pop("SECURE_RANDOM_NO_CACHE", None)
    ours, ruff, bandit = tool("secure-random"), tool("ruff"), tool("bandit")
    print(f"tree: {tree}, {os.cpu_count()} CPUs, median of {args.repeat} interleaved runs")
    print("| files | command | wall | CPU | peak RSS | wall / ruff's |")
    print("|---|---|---|---|---|---|")
    for label, files in lists.items():
        tests = [] if label == "without tests" else ["--include-tests"]
        runs: Dict[str, Tuple[List[str], Optional[Path]]] = {
            "secure-random check --no-cache": ([ours, "check", "--no-cache", *tests, *files], None),
            "ruff --select S311 --no-cache": ([ruff, "check", "--isolated", "--no-cache", "--select", "S311", "--exit-zero", *files], None),
            "secure-random check (cache warm)": ([ours, "check", *tests, *files], caches / "sr"),
            "ruff --select S311 (cache warm)": ([ruff, "check", "--select", "S311", "--exit-zero", *files], caches / "ruff"),
        }
        if not args.skip_bandit and label in ("without tests", "with tests"):
            runs["bandit -t B311"] = ([bandit, "-q", "-t", "B311", *files], None)
        for name, (cmd, cache) in runs.items():
            if cache is not None:  # warm it
                shutil.rmtree(cache, ignore_errors=True)
                subprocess.run(cmd, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples: Dict[str, list] = {name: [] for name in runs}
        for _ in range(args.repeat):
            for name, (cmd, _) in runs.items():
                samples[name].append(timed(cmd, tree, env))
        base = {"no-cache": None, "warm": None}
        rows = []
        for name, got in samples.items():
            wall = statistics.median(s[0] for s in got)
            cpu = statistics.median(s[1] for s in got)
            rss = max(s[2] for s in got)
            rows.append((name, wall, cpu, rss))
            if name.startswith("ruff"):
                base["warm" if "warm" in name else "no-cache"] = wall
        for name, wall, cpu, rss in rows:
            ref = base["warm" if "warm" in name else "no-cache"]
            ratio = f"{wall / ref:.2f}x" if ref and name.startswith("secure-random") else ""
            print(f"| {label} ({len(files)}) | `{name}` | {wall:.2f} s | {cpu:.2f} s | {rss / 1024:.0f} MB | {ratio} |", flush=True)
    if not args.skip_flake8:
        base_python = flake8_only()
        lists = {"without tests": sources}
        for label, files in lists.items():
            runs2 = {
                "flake8 alone": [str(base_python), "-m", "flake8", "--exit-zero", *files],
                "flake8 + secure-random": [sys.executable, "-m", "flake8", "--exit-zero", *files],
            }
            samples = {name: [] for name in runs2}
            for _ in range(args.repeat):
                for name, cmd in runs2.items():
                    samples[name].append(timed(cmd, tree, env))
            cpu = {name: statistics.median(s[1] for s in got) for name, got in samples.items()}
            for name, got in samples.items():
                wall = statistics.median(s[0] for s in got)
                print(f"| {label} ({len(files)}) | `{name}` | {wall:.2f} s | {cpu[name]:.2f} s | {max(s[2] for s in got) / 1024:.0f} MB | |")
            c0, c1 = cpu["flake8 alone"], cpu["flake8 + secure-random"]
            print(f"flake8 with the plugin vs alone ({label}): CPU {100 * (c1 - c0) / c0:+.1f}%")
    if args.changed:
        precommit(tree, precommit_lists(sources, [p for p in drawing if p in set(sources)]), ours, ruff, args.repeat, env)
    shutil.rmtree(caches, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
