#!/usr/bin/env python3
"""The text prefilters never hide a finding: over every file of the given trees, find() with every
prefilter off (each file parsed, every line a candidate) gives exactly what find() gives with the
prefilters deciding. Prints the files that differ; exit 1 if one does.

Usage: python benchmarks/verify_prefilters.py TREE [TREE...]   (two processes; the dev corpus and
the standard library take about 20 minutes)
"""
from __future__ import annotations

import multiprocessing
import sys
import warnings

from flake8_secure_random import comparisons, weakness
from flake8_secure_random.analysis import Plan, find, plan
from flake8_secure_random.files import parse, python_files, read_source
from flake8_secure_random.model import Settings

SETTINGS = Settings(include_tests=True)
ALL_ON = Plan(True, True, True, True, True)
CANDIDATE_LINES, PREDICTABLE_LINES = comparisons.candidate_lines, weakness.predictable_lines


def every_line(source: str, first_only: bool = False) -> set:
    return set(range(1, source.count("\n") + 2))


def compare(path: str):
    warnings.simplefilter("ignore")
    try:
        text = read_source(path)
        tree = parse(text)
    except Exception:  # unreadable files are the CLI's business, not this check's
        return None
    fast = find(text, SETTINGS, path=path, tree=tree, prefiltered=plan(text))
    comparisons.candidate_lines = weakness.predictable_lines = every_line
    try:
        full = find(text, SETTINGS, path=path, tree=tree, prefiltered=ALL_ON)
    finally:
        comparisons.candidate_lines, weakness.predictable_lines = CANDIDATE_LINES, PREDICTABLE_LINES
    if full == fast:
        return path, None
    return path, sorted({(f.line, f.code) for f in full} ^ {(f.line, f.code) for f in fast})


def main(argv=None) -> int:
    roots = argv if argv is not None else sys.argv[1:]
    paths = [p for p, problem in python_files(roots) if problem is None]
    checked = differ = 0
    with multiprocessing.Pool(2) as pool:
        for result in pool.imap_unordered(compare, paths, chunksize=32):
            if result is None:
                continue
            checked += 1
            if result[1] is not None:
                differ += 1
                print(result[0], result[1], flush=True)
    print(f"files {checked} differ {differ}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
