"""`apply(source, findings) -> FixResult`: the fixer's one way to edit. Pure: text in, text out.

1. Each fixable finding is matched to its node by its exact span (start and end: a method chain on
   a flagged call, `random.choice(w).upper()`, starts at the same place but is another node).
2. Every rewrite (`rewrites.rewrite`) is an edit of the original text; all are applied in one pass.
3. Import edits (`imports.import_edits`) are computed on that result, parsed afresh.
4. The result is checked (`equivalence.problem`) before it is returned; one that fails the check is
   not returned: the file is left as it was and the reason reported.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from ..files import parse
from ..model import Finding
from .equivalence import problem
from .imports import first_use_of_secrets, import_edits
from .names import describe_star, secrets_obstacle, star_imports
from .rewrites import STATEFUL, ModuleIndex, Rewrite, rewrite
from .spans import Edit, Offsets, apply_edits


@dataclass
class FixResult:
    source: str  # the new text (the old one when nothing was fixed)
    fixed: List[Finding] = field(default_factory=list)
    unfixed: List[Tuple[Finding, str]] = field(default_factory=list)  # and why
    error: Optional[str] = None  # the file was left alone, for this reason
    # What each fixed node became, by the finding's (line, col): for SARIF's `fixes`.
    replacements: Dict[Tuple[int, int], str] = field(default_factory=dict)
    # The import edits made on the rewritten text (offsets into it).
    import_edits: List[Edit] = field(default_factory=list)
    # What one fix alone needs besides its replacement: `import secrets` inserted at (1-based line,
    # 0-based character column) of the original text, or None when `secrets` is already imported.
    # For SARIF, whose fixes are applied one at a time (`import random` is kept: other calls may use it).
    import_insertion: Optional[Tuple[int, int, str]] = None

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


# Why a finding of each code (or family) is reported but not rewritten.
_WHY_NOT_FIXED = {
    "RND102": "numpy's generators have no exact secrets equivalent",
    "RND103": "seeding is reported, not removed: remove it once the calls it fed use secrets",
    "RND104": "{qualname}() has no exact secrets equivalent (numpy's signatures differ)",
    "RND201": "a longer token changes its length and format; choose the new length by hand",
    "RND202": "a longer password changes its length; choose it by hand",
    "RND203": "the replacement's length and alphabet are the author's choice",
    "RND301": "unsafe fix: secrets.compare_digest() raises TypeError for non-ASCII str and str against bytes; "
              "rewrite it with --unsafe-fixes",
    "RND9": "strict mode reports it; nothing says this value must be unpredictable",
}


def fix_kind(finding: Finding, unsafe: bool = False) -> Optional[str]:
    """Why a finding has no automatic fix, or None if it has one (`unsafe`: unsafe fixes allowed)."""
    module, _, method = finding.qualname.rpartition(".")
    if finding.code == "RND301" and unsafe:
        return None
    if finding.code == "RND101" and module == "random" and method not in STATEFUL:
        return None
    if finding.code == "RND102" and finding.qualname == "random.Random":
        return None
    if finding.code == "RND104" and finding.qualname == "numpy.random.bytes":
        return None
    reason = _WHY_NOT_FIXED.get(finding.code) or _WHY_NOT_FIXED.get(finding.code[:4], "{qualname}() has no secrets equivalent")
    return reason.format(qualname=finding.qualname)


def apply(source: str, findings: Sequence[Finding], tree: Optional[ast.Module] = None, unsafe: bool = False,
          secrets_shadowed: Optional[str] = None, keep_imports: bool = False) -> FixResult:
    """`source` with every fixable finding rewritten to its `secrets` equivalent, checked.

    `findings` come from `analysis.find()` on the same `source` (`tree`: its parse, if the caller
    has one). `unsafe` also applies the fixes that can change behaviour (RND301's compare_digest).
    `secrets_shadowed`: the path of a `secrets.py` or `random.py` that `import secrets` could reach
    instead of the standard library's module (`file_context()`; this function reads no file).
    `keep_imports`: never remove an import (an `__init__.py`, whose imports are its interface).
    Never raises for any source text; a file that cannot be rewritten exactly has `error` set,
    every wanted finding in `unfixed` with the reason, and `source` unchanged.
    """
    result = FixResult(source)
    wanted: List[Finding] = []
    for f in findings:
        reason = fix_kind(f, unsafe)
        if reason is None:
            wanted.append(f)
        else:
            result.unfixed.append((f, reason))
    if not wanted:
        return result
    if secrets_shadowed:
        return _give_up(result, wanted, f"{secrets_shadowed} could be imported instead of the standard library's module",
                        error=False)
    try:
        tree = tree if tree is not None else parse(source)
        return _apply(result, source, wanted, tree, keep_imports)
    except (SyntaxError, ValueError) as exc:
        return _give_up(result, wanted, f"cannot parse ({type(exc).__name__})")
    except (RecursionError, MemoryError) as exc:
        return _give_up(result, wanted, f"too deeply nested to rewrite ({type(exc).__name__}); left alone")


def _apply(result: FixResult, source: str, wanted: List[Finding], tree: ast.Module, keep_imports: bool) -> FixResult:
    offsets = Offsets(source)
    index = ModuleIndex(tree, source)
    rewrites: List[Rewrite] = []
    def size(f: Finding) -> int:
        return offsets.at(f.end_line, f.end_col_bytes) - offsets.at(f.line, f.col_bytes)

    for f in sorted(wanted, key=size):  # inner nodes first
        node = index.node_at((f.line, f.col_bytes, f.end_line, f.end_col_bytes))
        if node is None:
            result.unfixed.append((f, "the flagged node was not found where expected"))
            continue
        done = rewrite(f, node, source, offsets, index, _Pieces(source, rewrites))
        if isinstance(done, str):
            result.unfixed.append((f, done))
        else:
            rewrites = [r for r in rewrites if not _inside(r.edit, done.edit)] + [done]
    if not rewrites:
        return result
    obstacle = secrets_obstacle(tree, [r.span for r in rewrites], source)
    if obstacle:
        return _give_up(result, [r.finding for r in rewrites], obstacle, error=False)
    try:
        rewritten = apply_edits(source, [r.edit for r in rewrites])
    except ValueError:
        return _give_up(result, [r.finding for r in rewrites], "two rewrites overlap; rewrite them by hand")
    try:
        rewritten_tree = parse(rewritten)
    except (SyntaxError, ValueError):
        return _give_up(result, [r.finding for r in rewrites], "not rewritten: the result would not parse")
    late = _star_import_after_first_use(rewritten_tree, rewritten)
    if late:
        return _give_up(result, [r.finding for r in rewrites],
                        f"a star import after the first use may bind the name 'secrets' ({late})", error=False)
    dropped = {r.dropped for r in rewrites if r.dropped}
    imports = import_edits(rewritten, rewritten_tree, dropped, keep_imports)
    new_source = apply_edits(rewritten, imports)
    why = problem(source, new_source, {r.span: r.method for r in rewrites})
    if why:
        return _give_up(result, [r.finding for r in rewrites], f"not rewritten: {why}")
    result.source = new_source
    result.fixed = sorted((r.finding for r in rewrites), key=Finding.sort_key)
    pieces = _Pieces(source, rewrites)
    for r in rewrites:
        start, end = offsets.span(r.node)
        result.replacements[(r.finding.line, r.finding.col)] = pieces(start, end)
    result.import_edits = imports
    result.import_insertion = _insertion_in_original(rewritten, rewritten_tree, rewrites, offsets)
    return result


def _insertion_in_original(rewritten: str, tree: ast.Module, rewrites: List[Rewrite], offsets: Offsets) -> Optional[Tuple[int, int, str]]:
    """Where `import secrets` goes when no `random` import is removed, as (line, column, text) of the
    original text: the insertion is computed on the rewritten text and moved back across the
    rewrites before it (they never contain it: it sits between statements)."""
    insertions = [e for e in import_edits(rewritten, tree, set()) if e.start == e.end]
    if not insertions:
        return None
    at = insertions[0].start
    shift = 0
    for r in sorted(rewrites, key=lambda r: r.edit.start):
        if r.edit.start + shift >= at:
            break
        shift += len(r.edit.new) - (r.edit.end - r.edit.start)
    original = at - shift
    line = offsets.line_index(original)
    return line + 1, original - offsets.starts[line], insertions[0].new


def _star_import_after_first_use(tree: ast.Module, text: str) -> Optional[str]:
    stars = star_imports(tree)
    if not stars:
        return None
    first_use = first_use_of_secrets(tree, text, Offsets(text))
    for star in stars:
        if first_use is not None and (star.lineno, star.col_offset) > (first_use.lineno, first_use.col_offset):
            return describe_star(star)
    return None


class _Pieces:
    """`text[start:end]` with the rewrites already made inside that range applied."""

    def __init__(self, text: str, rewrites: List[Rewrite]) -> None:
        self.text, self.rewrites = text, rewrites

    def __call__(self, start: int, end: int) -> str:
        inner = [
            Edit(r.edit.start - start, r.edit.end - start, r.edit.new)
            for r in self.rewrites if start <= r.edit.start and r.edit.end <= end
        ]
        return apply_edits(self.text[start:end], inner)


def _inside(inner: Edit, outer: Edit) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner != outer


def file_context(path: str) -> Dict[str, object]:
    """What `apply()` needs to know about where a file lives (its keyword arguments). Reads the
    file system only.

    - `secrets_shadowed`: a `secrets.py` or `random.py` (module or package) in the file's folder or
      any folder above it up to the project root (the nearest folder holding pyproject.toml,
      setup.cfg, setup.py or .git), or in the current folder: any of them may be on sys.path when
      the code runs (a script's folder is sys.path[0], `python -m` adds the current folder: Python
      docs, "sys.path"), and would be imported instead of the standard library's `secrets` (which
      itself imports `random`).
    - `keep_imports`: the file is a package's `__init__.py`, whose imports are its interface.
    """
    import os

    if path in ("", "-"):
        return {"secrets_shadowed": None, "keep_imports": False}
    shadow = _shadowing_module(os.path.dirname(os.path.abspath(path)), os.getcwd())
    return {"secrets_shadowed": shadow, "keep_imports": os.path.basename(path) == "__init__.py"}


def _shadowing_module(folder: str, cwd: str) -> Optional[str]:
    import os

    folders = [cwd]
    while True:
        folders.append(folder)
        if any(os.path.exists(os.path.join(folder, marker)) for marker in ("pyproject.toml", "setup.cfg", "setup.py", ".git")):
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return next((
        os.path.join(f, name) for f in folders for name in ("secrets.py", "random.py", "secrets", "random")
        if os.path.isfile(os.path.join(f, name)) or os.path.isfile(os.path.join(f, name, "__init__.py"))
    ), None)


def _give_up(result: FixResult, findings: Sequence[Finding], reason: str, error: bool = True) -> FixResult:
    """Leave the file as it was: every finding in `findings` is listed unfixed with `reason`;
    `error` marks the file as one that could not be processed (exit 2)."""
    if error:
        result.error = reason
    result.unfixed.extend((f, reason) for f in findings)
    return result
