"""Which rules a run reports: `select`, `extend-select` and `ignore`, by code prefix, as flake8 and
ruff take them (`RND1`, `RND301`, `RND`). Between an explicit selection and an ignore the more
specific match wins (`select = ["RND"]` with `ignore = ["RND9"]` reports everything but RND9xx;
`ignore = ["RND3"]` with `extend-select = ["RND301"]` reports RND301); an ignore always beats the
default selection (`ignore = ["RND"]` reports nothing), as in flake8's decision engine."""
from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence, Tuple

# What is reported when nothing is selected: every rule but the strict family RND9.
DEFAULT_SELECT: Tuple[str, ...] = ("RND1", "RND2", "RND3")
_SELECTOR = re.compile(r"RND\d{0,3}\Z")
_IMPLICIT = "~"  # marks a selector of the default selection


class SelectionError(ValueError):
    """A selector that names no rule; the message is one line for the user."""


def selectors(raw: Iterable[str], where: str) -> Tuple[str, ...]:
    """Selectors in upper case, or SelectionError naming the first that is not `RND` plus digits."""
    from .rules import RULES

    known = [rule.code for rule in RULES]
    out = []
    for item in raw:
        code = item.strip().upper()
        if not code:
            continue
        if not _SELECTOR.match(code) or not any(k.startswith(code) for k in known):
            raise SelectionError(
                f"{where}: '{item.strip()}' is not a rule code or prefix (`secure-random explain` lists them)"
            )
        out.append(code)
    return tuple(out)


def _longest(code: str, prefixes: Sequence[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def chosen(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Whether a finding with this code is reported."""
    explicit = _longest(code, [p for p in select if not p.startswith(_IMPLICIT)])
    ignored = _longest(code, ignore)
    if explicit >= 0 and explicit > ignored:
        return True
    if ignored >= 0:
        return False
    return _longest(code, [p[1:] for p in select if p.startswith(_IMPLICIT)]) >= 0


def effective(select: Optional[Sequence[str]], extend: Sequence[str], strict: bool) -> Tuple[str, ...]:
    """The selectors in force: `select` (None: the default, with RND9 when strict mode is on, marked as
    implicit; an empty sequence: none) and `extend`."""
    if select is None:  # nothing said: the default
        base = tuple(_IMPLICIT + p for p in DEFAULT_SELECT + (("RND9",) if strict else ()))
    else:  # what was said, even nothing (`select = []`: only `extend-select` is reported, as in ruff)
        base = tuple(select)
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

    def norm(glob: str) -> str:
        glob = glob.strip().replace(os.sep, "/")
        return glob[2:] if glob.startswith("./") else glob

    table = [(norm(glob), tuple(codes)) for glob, codes in rules]

    def ignored(path: str) -> Tuple[str, ...]:
        if not table:
            return ()
        full = os.path.abspath(path)
        try:
            relative = os.path.relpath(full, base).replace(os.sep, "/")
        except ValueError:  # another drive (Windows): only the name can match
            relative = full.replace(os.sep, "/")
        name = os.path.basename(full)
        absolute = full.replace(os.sep, "/")
        out: Tuple[str, ...] = ()
        for glob, codes in table:
            target = absolute if glob.startswith("/") else relative
            if fnmatch.fnmatch(target, glob) or fnmatch.fnmatch(name, glob) or fnmatch.fnmatch(target, glob.rstrip("/") + "/*"):
                out += codes
        return out

    return ignored
