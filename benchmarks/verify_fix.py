#!/usr/bin/env python3
"""Run the fixer over every file of a tree, in memory, and check that every result means what the
input meant.

Usage: python benchmarks/verify_fix.py [--all-calls] [--unsafe-fixes] TREE [TREE...]

`--all-calls` is the verification mode: every `random` call site of every file (what strict mode
reports, RND901) is treated as flagged, so that every real call shape is rewritten, not only the few
the rules flag. For each file the fixer changed, independently of the check the fixer ran itself:
the result parses, the equivalence check passes on it (`fixing.equivalence.problem`), fixing it
again changes nothing, and every line outside the rewritten nodes and the import lines is byte for
byte the same. A file the fixer refused with "not rewritten: ..." is a problem too: its own check
caught a wrong rewrite. Prints the counts, the reasons calls were left alone, and every problem;
exit 1 if there is one. Nothing is written.
"""
from __future__ import annotations

import ast
import collections
import dataclasses
import difflib
import sys
import warnings

from flake8_secure_random.analysis import find
from flake8_secure_random.files import SourceError, python_files, read_source, source_lines
from flake8_secure_random.fixing import apply, fix_kind
from flake8_secure_random.fixing.equivalence import problem
from flake8_secure_random.model import Settings

# What a strict-mode finding would be if its value were a secret.
_FORCED_CODE = {"random.Random": "RND102"}


def forced(findings):
    """Every RND901 (strict) finding relabelled as the RND1 finding its call would be."""
    out = []
    for f in findings:
        if f.code != "RND901":
            out.append(f)
            continue
        code = _FORCED_CODE.get(f.qualname) or ("RND104" if f.qualname.startswith("numpy.") else "RND101")
        if f.qualname.startswith("numpy.") and f.qualname.rsplit(".", 1)[1] in ("RandomState", "default_rng", "Generator"):
            code = "RND102"
        out.append(dataclasses.replace(f, code=code))
    return out


def changed_lines(old: str, new: str):
    matcher = difflib.SequenceMatcher(a=source_lines(old), b=source_lines(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield list(range(i1 + 1, i2 + 1)), source_lines(new)[j1:j2]


def is_import_or_blank(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(("import ", "from ", "#")) or stripped == "" or ";" in stripped


def main(argv=None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    unsafe = "--unsafe-fixes" in args
    all_calls = "--all-calls" in args
    paths = [a for a in args if not a.startswith("--")] or ["."]
    warnings.simplefilter("ignore")
    settings = Settings(include_tests=True, strict=all_calls)
    counts = collections.Counter()
    reasons = collections.Counter()
    problems = []
    for path, bad in python_files(paths):
        if bad is not None:
            continue
        counts["files"] += 1
        try:
            text = read_source(path)
            findings = find(text, settings, path=path)
        except (SourceError, SyntaxError, ValueError, RecursionError, MemoryError):
            counts["unreadable"] += 1
            continue
        if all_calls:
            findings = forced(findings)
        if not any(fix_kind(f, unsafe) is None for f in findings):
            continue
        counts["with_fixable"] += 1
        result = apply(text, findings, unsafe=unsafe)
        counts["fixed"] += len(result.fixed)
        for f, why in result.unfixed:
            if fix_kind(f, unsafe) is None:
                counts["left_alone"] += 1
                reasons[why.split(" (")[0] if why.startswith("the name") else why] += 1
        if result.error and result.error.startswith("not rewritten"):
            problems.append(f"{path}: the fixer's own check refused its rewrite: {result.error}")
        if not result.changed:
            continue
        counts["changed"] += 1
        new = result.source
        compares = {
            (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset): n.ops[0]
            for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Compare)
        }
        fixed_spans = {}
        for f in result.fixed:
            span = (f.line, f.col_bytes, f.end_line, f.end_col_bytes)
            method = f.qualname.rpartition(".")[2]
            if f.code == "RND301":
                method = "==" if isinstance(compares.get(span), ast.Eq) else "!="
            elif f.code == "RND102":
                method = "Random"
            elif f.qualname == "numpy.random.bytes":
                method = "randbytes"
            fixed_spans[span] = method
        why = problem(text, new, fixed_spans)
        if why:
            problems.append(f"{path}: {why}")
            continue
        again_findings = find(new, settings, path=path)
        again = apply(new, forced(again_findings) if all_calls else again_findings, unsafe=unsafe)
        if again.changed:
            problems.append(f"{path}: a second run changes it again")
        rewritten_lines = {line for f in result.fixed for line in range(f.line, f.end_line + 1)}
        for old_lines, new_lines in changed_lines(text, new):
            for n in old_lines:
                if n not in rewritten_lines and not is_import_or_blank(source_lines(text)[n - 1]):
                    problems.append(f"{path}:{n}: changed a line that was neither rewritten nor an import")
            if not old_lines and not all(is_import_or_blank(line) for line in new_lines):
                problems.append(f"{path}: inserted a line that is not an import: {new_lines}")
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    for why, n in reasons.most_common():
        print(f"  left alone x{n}: {why}")
    for p in problems:
        print(p)
    print(f"problems={len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
