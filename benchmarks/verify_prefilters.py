#!/usr/bin/env python3
"""The text prefilters never hide a finding: over every file of the given trees, find() with every
prefilter forced on gives exactly what find() gives with the prefilters deciding.

Usage: python benchmarks/verify_prefilters.py TREE [TREE...]   (prints the files that differ)
"""
import sys, warnings
warnings.simplefilter("ignore")
from flake8_secure_random import comparisons, weakness
from flake8_secure_random.analysis import find, Plan, plan
from flake8_secure_random.files import python_files, read_source, parse
from flake8_secure_random.model import Settings
s = Settings(include_tests=True)
candidate_lines, predictable_lines = comparisons.candidate_lines, weakness.predictable_lines
every_line = lambda source, first_only=False: set(range(1, source.count("\n") + 2))  # noqa: E731
bad = n = 0
for root in sys.argv[1:]:
    for p, prob in python_files([root]):
        if prob: continue
        try:
            t = read_source(p); tree = parse(t)
        except Exception:
            continue
        n += 1
        fast = find(t, s, path=p, tree=tree, prefiltered=plan(t))
        # The line prefilters inside the rules, off: every line is a candidate.
        comparisons.candidate_lines = weakness.predictable_lines = every_line
        full = find(t, s, path=p, tree=tree, prefiltered=Plan(True, True, True, True, True))
        comparisons.candidate_lines, weakness.predictable_lines = candidate_lines, predictable_lines
        pl = plan(t)
        if full != fast:
            bad += 1
            print(p, pl, sorted(set((f.line, f.code) for f in full) - set((f.line, f.code) for f in fast)))
print("files", n, "differ", bad)
sys.exit(1 if bad else 0)
