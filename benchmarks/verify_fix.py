#!/usr/bin/env python3
"""Run the fixer over every file of a tree, in memory, and check what it promises.

Usage: python benchmarks/verify_fix.py [--unsafe-fixes] TREE [TREE...]

For every .py file with a fixable finding: the result parses, fixing it again changes nothing, no
fixable finding is left, and every changed line was a flagged line or an import line. Prints
the counts and every violation; exit 1 if there is one. Nothing is written.
"""
from __future__ import annotations

import ast
import difflib
import sys
import warnings

from flake8_secure_random.analysis import find
from flake8_secure_random.files import SourceError, python_files, read_source, source_lines
from flake8_secure_random.fixing import apply, fix_kind
from flake8_secure_random.model import Settings


def changed_old_lines(old: str, new: str):
    matcher = difflib.SequenceMatcher(a=source_lines(old), b=source_lines(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield tag, list(range(i1 + 1, i2 + 1)), source_lines(new)[j1:j2]


def is_import(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(("import ", "from ")) or stripped == ""


def main(argv=None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    unsafe = "--unsafe-fixes" in args
    paths = [a for a in args if a != "--unsafe-fixes"] or ["."]
    warnings.simplefilter("ignore")
    settings = Settings(include_tests=True)
    counts = dict(files=0, unreadable=0, with_findings=0, changed=0, fixed=0, unfixed=0, left_alone=0)
    problems = []
    for path, problem in python_files(paths):
        if problem is not None:
            continue
        counts["files"] += 1
        try:
            text = read_source(path)
            findings = find(text, settings, path=path)
        except (SourceError, SyntaxError, ValueError, RecursionError):
            counts["unreadable"] += 1
            continue
        if not findings:
            continue
        counts["with_findings"] += 1
        result = apply(text, findings, unsafe=unsafe)
        counts["fixed"] += len(result.fixed)
        counts["unfixed"] += len(result.unfixed)
        counts["left_alone"] += bool(result.error)
        if not result.changed:
            continue
        counts["changed"] += 1
        new = result.source
        try:
            ast.parse(new)
        except SyntaxError as exc:
            problems.append(f"{path}: the result does not parse: {exc}")
            continue
        again = apply(new, find(new, settings, path=path), unsafe=unsafe)
        if again.source != new:
            problems.append(f"{path}: a second run changes it again")
        left = [f for f in find(new, settings, path=path) if fix_kind(f, unsafe) is None]
        if left:
            problems.append(f"{path}: fixable findings left: {[(f.line, f.code) for f in left]}")
        flagged = {line for f in result.fixed for line in range(f.line, f.end_line + 1)}
        for tag, old_lines, new_lines in changed_old_lines(text, new):
            for n in old_lines:
                if n not in flagged and not is_import(source_lines(text)[n - 1]):
                    problems.append(f"{path}:{n}: changed a line that was neither flagged nor an import")
            if tag == "insert" and not all(is_import(line) for line in new_lines):
                problems.append(f"{path}: inserted a line that is not an import: {new_lines}")
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    for p in problems:
        print(p)
    print(f"problems={len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
