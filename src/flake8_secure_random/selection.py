"""Which rules a run reports: `select`, `extend-select` and `ignore`, by code prefix, as flake8 and
ruff take them (`RND1`, `RND301`, `RND`). The most specific match wins: `select = ["RND"]` with
`ignore = ["RND9"]` reports everything but RND9xx; `ignore = ["RND3"]` with `extend-select =
["RND301"]` reports RND301 (flake8's rule: the longer prefix decides)."""
from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence, Tuple

# What is reported when nothing is selected: every rule but the strict family RND9.
DEFAULT_SELECT: Tuple[str, ...] = ("RND1", "RND2", "RND3")
_SELECTOR = re.compile(r"RND\d{0,3}\Z")


class SelectionError(ValueError):
    """A selector that names no rule; the message is one line for the user."""


def selectors(raw: Iterable[str], where: str) -> Tuple[str, ...]:
    """Selectors in upper case, or SelectionError naming the first that is not `RND` plus digits."""
    out = []
    for item in raw:
        code = item.strip().upper()
        if not _SELECTOR.match(code):
            raise SelectionError(f"{where}: '{item}' is not a rule code or prefix (RND, RND1, RND301)")
        out.append(code)
    return tuple(out)


def _longest(code: str, prefixes: Sequence[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def chosen(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Whether a finding with this code is reported."""
    picked = _longest(code, select)
    return picked >= 0 and picked > _longest(code, ignore)


def effective(select: Optional[Sequence[str]], extend: Sequence[str], strict: bool) -> Tuple[str, ...]:
    """The selectors in force: `select` (or the default, with RND9 when strict mode is on) and `extend`."""
    base = tuple(select) if select else DEFAULT_SELECT + (("RND9",) if strict else ())
    return base + tuple(extend)


def needs_strict(select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Whether any RND9 code is selected (the analysis then records every random call)."""
    return chosen("RND901", select, ignore)


def per_file(rules: Iterable[Tuple[str, Sequence[str]]], base: str):
    """A function path -> the codes to ignore in that file, for `per-file-ignores` (glob -> codes).
    Globs are matched, as flake8's are, against the file's path relative to `base` (the configuration's
    folder, or the current folder for the command line) and against its name."""
    import fnmatch
    import os

    table = [(glob.replace(os.sep, "/").lstrip("./") if glob.startswith("./") else glob.replace(os.sep, "/"), tuple(codes))
             for glob, codes in rules]

    def ignored(path: str) -> Tuple[str, ...]:
        if not table:
            return ()
        full = os.path.abspath(path)
        try:
            relative = os.path.relpath(full, base).replace(os.sep, "/")
        except ValueError:  # another drive (Windows): only the name can match
            relative = full.replace(os.sep, "/")
        name = os.path.basename(full)
        out: Tuple[str, ...] = ()
        for glob, codes in table:
            if fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(name, glob) or fnmatch.fnmatch(relative, glob.rstrip("/") + "/*"):
                out += codes
        return out

    return ignored
