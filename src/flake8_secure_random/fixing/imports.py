"""Import edits, computed on the text after the calls were rewritten (never on stale positions).

- `import secrets` is added once, where isort (profile black, the settings ruff's `I` rules share)
  would put it: among the standard-library `import x` lines in alphabetical order, else before the
  standard library's `from` imports, else in a section of its own between `__future__` and the
  rest, separated by blank lines; and never after the first statement that uses it.
- An `import random` (or a name imported from it, or `from random import *`) is removed once
  nothing refers to it (`names.referenced`): a line of its own is deleted, keeping its comment; a
  name is taken out of a multi-name import. Nothing is removed from an `__init__.py` (re-exports),
  from a block it would leave empty, or where removing it would lose a comment.
"""
from __future__ import annotations

import ast
import functools
import re
import sys
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from .names import is_plain_import, referenced, star_imports
from .spans import Edit, Offsets, comments, first_position, header, is_docstring, statements

Statement = ast.stmt


def import_edits(text: str, tree: ast.Module, dropped: Set[str], keep_imports: bool = False) -> List[Edit]:
    """The edits that add `import secrets` and remove the `random` imports `dropped` names no longer
    need, as `Edit`s over `text` (the rewritten source, of which `tree` is the parse)."""
    offsets = Offsets(text)
    parents = _statement_parents(tree)
    edits: List[Edit] = []
    removed: Dict[int, Tuple[Edit, str]] = {}  # whole-line removals by their first offset, with the comment kept
    if not keep_imports:
        for stmt, keep in _random_imports_to_trim(tree, text, dropped):
            edit = _trim(stmt, keep, text, offsets, parents)
            if edit is None:
                continue
            edits.append(edit[0])
            if keep == () and edit[2]:
                removed[edit[0].start] = (edit[0], edit[1])
    first_use = first_use_of_secrets(tree, text, offsets)
    if _secrets_bound_in_time(tree, first_use):
        return edits
    at = _insert_at(tree, text, offsets, first_use)
    newline = _newline(text)
    if not at.before and not at.after:
        # Where `import secrets` goes is where a removed `random` import stood: it takes its line.
        for start, (edit, comment) in removed.items():
            if at.offset in (edit.start, edit.end):
                edits.remove(edit)
                tail = f"  {comment}" if comment else ""
                edits.append(Edit(edit.start, edit.end, f"import secrets{tail}{_line_end(text[edit.start:edit.end])}"))
                return edits
    edits.append(Edit(at.offset, at.offset, f"{newline * at.before}import secrets{newline}{newline * at.after}"))
    return edits


class _Place:
    def __init__(self, offset: int, before: int = 0, after: int = 0) -> None:
        self.offset, self.before, self.after = offset, before, after


def _random_imports_to_trim(tree: ast.Module, text: str, dropped: Set[str]) -> List[Tuple[Statement, Tuple[str, ...]]]:
    """Each import of `random` that binds a dropped name nothing refers to any more, with the bound
    names it should keep (an empty tuple: remove the statement)."""
    out = []
    unused_cache = {}

    def unused(name: str) -> bool:
        if name not in unused_cache:
            unused_cache[name] = not referenced(tree, text, name)
        return unused_cache[name]

    for stmt, _ in statements(tree):
        if isinstance(stmt, ast.Import):
            bound = [(a.asname or a.name.split(".")[0], a.name == "random" or a.name.startswith("random.")) for a in stmt.names]
        elif isinstance(stmt, ast.ImportFrom) and stmt.module == "random" and not stmt.level:
            if stmt.names[0].name == "*":
                if dropped - _explicitly_bound(tree) and not any(not unused(n) for n in _random_public_names()):
                    out.append((stmt, ()))
                continue
            bound = [(a.asname or a.name, True) for a in stmt.names]
        else:
            continue
        gone = {name for name, is_random in bound if is_random and name in dropped and unused(name)}
        if gone:
            out.append((stmt, tuple(name for name, _ in bound if name not in gone)))
    return out


def _explicitly_bound(tree: ast.Module) -> Set[str]:
    return {
        a.asname or a.name.split(".")[0]
        for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names if a.name != "*"
    }


@functools.lru_cache(maxsize=1)
def _random_public_names() -> FrozenSet[str]:
    import random

    return frozenset(getattr(random, "__all__", ())) | {"random"}


def _trim(stmt: Statement, keep: Tuple[str, ...], text: str, offsets: Offsets, parents) -> Optional[Tuple[Edit, str, bool]]:
    """The edit that removes `stmt` (keep == ()) or the names it no longer needs, the comment that
    stood on its line (kept as a line of its own), and whether the edit takes whole lines; None
    where it cannot be done cleanly."""
    start, end = offsets.span(stmt)
    parent = parents.get(stmt)
    body = _body_holding(parent, stmt)
    if body is None or isinstance(parent, ast.ClassDef):
        return None  # an import in a class body binds a class attribute
    if body[0] is stmt and len(body) > 1 and is_docstring(body[1]):
        return None  # the string after it would become the docstring
    line_start = offsets.line_start(start)
    end_line = offsets.line_index(end)
    line_end = offsets.starts[end_line + 1]
    head, tail = text[line_start:start], text[end:line_end]
    alone = head.strip() == "" and (tail.strip() == "" or tail.lstrip().startswith("#"))
    if keep:
        edit = _keep_names(stmt, keep, text, start, end) if alone else None
        return (edit, "", False) if edit else None
    if len(body) == 1:
        return None  # the block would be empty
    if alone and _moves_a_pragma(stmt, tail, text, offsets, tree_body=body if isinstance(parent, ast.Module) else None):
        return None
    if alone:
        comment = tail.strip()
        if body[0] is stmt and not comment and not isinstance(parent, ast.Module):
            # The first statement of a block: a blank line after it would open the block instead.
            following = offsets.starts[end_line + 2] if end_line + 2 < len(offsets.starts) else line_end
            if text[line_end:following].strip() == "":
                line_end = following
        if comment:
            return Edit(line_start, line_end, f"{head}{comment}{_line_end(text[line_start:line_end])}"), comment, True
        return Edit(line_start, line_end, ""), "", True
    # It shares a line: `import random; x = 1` or `x = 1; import random`.
    after = text[end:line_end]
    stripped = after.lstrip(" \t")
    if stripped.startswith(";"):
        rest = stripped[1:]
        return Edit(start, end + (len(after) - len(rest)) + (len(rest) - len(rest.lstrip(" \t"))), ""), "", False
    before = text[line_start:start].rstrip(" \t")
    if before.endswith(";"):
        return Edit(line_start + len(before) - 1, end, ""), "", False
    return None


# Comments that tell a tool something about their line or file (PEP 263 encoding, PEP 484 type
# comments, flake8/ruff/bandit/pylint/isort/black/coverage pragmas): they are not moved.
_PRAGMA = re.compile(r"coding[:=]|type:|noqa|nosec|pylint:|isort:|fmt:|pragma|mypy:|pyright:")


def _moves_a_pragma(stmt: Statement, tail: str, text: str, offsets: Offsets, tree_body: Optional[list]) -> bool:
    """Whether deleting `stmt`'s lines would move a pragma: its own trailing comment, or an
    encoding cookie that would slide into the first two lines (PEP 263), or a `# type:` comment
    that would open the file (PEP 484: a leading `# type: ignore` silences the whole file)."""
    if _PRAGMA.search(tail):
        return True
    first, last = offsets.line_index(offsets.at(stmt.lineno, stmt.col_offset)), offsets.line_index(
        offsets.at(stmt.end_lineno, stmt.end_col_offset))  # type: ignore[arg-type]
    if first < 2 and header("".join(offsets.lines[:first] + offsets.lines[last + 1:last + 4]))[0] != header(text)[0]:
        return True
    if tree_body is not None and tree_body[0] is stmt:
        following = tree_body[1] if len(tree_body) > 1 else None
        upto = offsets.at(following.lineno, following.col_offset) if following is not None else len(text)
        if "type:" in text[offsets.at(stmt.end_lineno, stmt.end_col_offset):upto]:  # type: ignore[arg-type]
            return True
    return False


def _keep_names(stmt: Statement, keep: Tuple[str, ...], text: str, start: int, end: int) -> Optional[Edit]:
    """`import os, random` -> `import os`, through libcst (it keeps the statement's layout); None
    if a comment would be lost."""
    import libcst as cst

    old = text[start:end]
    try:
        module = cst.parse_module(old)
    except cst.ParserSyntaxError:
        return None
    node = module.body[0].body[0] if isinstance(module.body[0], cst.SimpleStatementLine) else None
    if not isinstance(node, (cst.Import, cst.ImportFrom)) or isinstance(node.names, cst.ImportStar):
        return None
    names = [
        a for a in node.names
        if (a.evaluated_alias or (a.evaluated_name.split(".")[0] if isinstance(node, cst.Import) else a.evaluated_name)) in keep
    ]
    if not names:
        return None
    names[-1] = names[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    new = module.with_changes(body=[module.body[0].with_changes(body=[node.with_changes(names=names)])]).code
    if comments(new) != comments(old):
        return None
    return Edit(start, end, new)


def _body_holding(parent: Optional[ast.AST], stmt: Statement) -> Optional[list]:
    if parent is None:
        return None
    for field in ("body", "orelse", "finalbody", "handlers"):
        body = getattr(parent, field, None)
        if isinstance(body, list) and stmt in body:
            return body
    return None


def _line_end(line: str) -> str:
    return line[len(line.rstrip("\r\n")):]


def _newline(text: str) -> str:
    for i, ch in enumerate(text):
        if ch == "\n":
            return "\r\n" if i and text[i - 1] == "\r" else "\n"
        if ch == "\r" and text[i + 1 : i + 2] != "\n":
            return "\r"
    return "\n"


def _secrets_bound_in_time(tree: ast.Module, first_use: Optional[Statement]) -> bool:
    """A module-level `import secrets` already runs before every statement that uses the name."""
    end = tree.body.index(first_use) if first_use is not None else len(tree.body)
    return any(is_plain_import(s, "secrets") for s in tree.body[:end])


def first_use_of_secrets(tree: ast.Module, text: str, offsets: Offsets) -> Optional[Statement]:
    """The first module-level statement that refers to `secrets` (other than importing it); only
    statements whose text holds the word are walked."""
    for stmt in tree.body:
        if is_plain_import(stmt, "secrets"):
            continue
        start = offsets.at(*first_position(stmt))
        end = offsets.at(stmt.end_lineno, stmt.end_col_offset)  # type: ignore[arg-type]
        if "secrets" in text[start:end] and _uses_secrets(stmt):
            return stmt
    return None


def _uses_secrets(stmt: Statement) -> bool:
    return any(isinstance(n, ast.Name) and n.id == "secrets" for n in ast.walk(stmt))


def _statement_parents(tree: ast.Module) -> Dict[ast.AST, ast.AST]:
    """The node whose body holds each statement."""
    return {stmt: parent for stmt, parent in statements(tree)}


def _insert_at(tree: ast.Module, text: str, offsets: Offsets, first_use: Optional[Statement]) -> _Place:
    """Where `import secrets` goes, and how many blank lines go before and after it. The imports
    about to be removed still count: `import secrets` may take the place of one of them."""
    body = tree.body
    first = 0
    if body and is_docstring(body[0]):
        first = 1
    block: List[Statement] = []
    for stmt in body[first:]:
        if not isinstance(stmt, (ast.Import, ast.ImportFrom)):
            break
        block.append(stmt)
    limit = offsets.line_start(_start(first_use, offsets)) if first_use is not None else len(text)
    place = _isort_place(block, body, first, text, offsets)
    if first and place.offset < _after(body[0], offsets):
        place = _Place(_after(body[0], offsets))  # never above the docstring (a `;` may share its line)
    stars = star_imports(tree)
    if stars and place.offset < _after(stars[-1], offsets):
        place = _Place(_after(stars[-1], offsets))  # after every star import, which may bind `secrets`
    if place.offset > limit:
        return _Place(limit)
    return place


def _isort_place(block: List[Statement], body: List[Statement], first: int, text: str, offsets: Offsets) -> _Place:
    section = [(s, _section(s)) for s in block]
    straight = [s for s, kind in section if kind == "stdlib" and isinstance(s, ast.Import)]
    if straight:
        later = [s for s in straight if _sort_key(s) > ("secrets",)]
        if later:
            return _Place(_line_of(later[0], offsets))
        return _Place(_after(straight[-1], offsets))
    froms = [s for s, kind in section if kind == "stdlib"]
    if froms:
        return _Place(_line_of(froms[0], offsets))
    rest = [s for s, kind in section if kind != "future"]
    if rest:
        return _Place(_line_of(rest[0], offsets), after=1)
    futures = [s for s, kind in section if kind == "future"]
    if futures:
        return _Place(_after(futures[-1], offsets), before=1)
    if first < len(body):
        stmt = body[first]
        code_follows = 2 if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else 1
        return _Place(_line_of(stmt, offsets), after=code_follows)
    return _Place(_after(body[-1], offsets) if body else 0)


def _start(stmt: Statement, offsets: Offsets) -> int:
    return offsets.at(*first_position(stmt))


def _line_of(stmt: Statement, offsets: Offsets) -> int:
    return offsets.line_start(_start(stmt, offsets))


def _after(stmt: Statement, offsets: Offsets) -> int:
    """The start of the line after `stmt`'s last line."""
    end = offsets.at(stmt.end_lineno, stmt.end_col_offset)  # type: ignore[arg-type]
    return offsets.starts[offsets.line_index(end) + 1]


def _section(stmt: Statement) -> str:
    """isort's section of an import: future, stdlib or other (third party, first party, local)."""
    if isinstance(stmt, ast.ImportFrom):
        if stmt.level:
            return "other"
        if stmt.module == "__future__":
            return "future"
        module = stmt.module or ""
    else:
        module = stmt.names[0].name
    return "stdlib" if module.split(".")[0] in _stdlib_names() else "other"


def _sort_key(stmt: Statement) -> Tuple[str, ...]:
    """isort's default order within a section (force_sort_within_sections off): by module name,
    case-insensitively."""
    name = stmt.names[0].name if isinstance(stmt, ast.Import) else (stmt.module or "")
    return tuple(name.lower().split("."))


@functools.lru_cache(maxsize=1)
def _stdlib_names() -> FrozenSet[str]:
    """The standard library's top-level module names: `sys.stdlib_module_names` (3.10+), else the
    modules found in the standard library's folder and the built-in ones."""
    names = getattr(sys, "stdlib_module_names", None)
    if names is not None:
        return frozenset(names)
    import os
    import sysconfig

    found = set(sys.builtin_module_names)
    for folder in {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]}:
        for entry in os.listdir(folder) if os.path.isdir(folder) else ():
            stem = entry.split(".")[0]
            if stem.isidentifier() and entry != "site-packages":
                found.add(stem)
        dynload = os.path.join(folder, "lib-dynload")
        for entry in os.listdir(dynload) if os.path.isdir(dynload) else ():
            found.add(entry.split(".")[0])
    return frozenset(found)
