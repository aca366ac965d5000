"""Positions in source text: ast's (line, UTF-8 byte column) to string offsets, and edits on them.

ast reports columns as UTF-8 byte offsets within a line, and counts lines as Python's tokenizer
does (only \\n, \\r\\n and \\r end one). Every edit of the fixer is a `(start, end, text)` over string
offsets of the original text, applied in one pass, so that no edit can move another.
"""
from __future__ import annotations

import ast
import io
import re
import tokenize
from typing import Iterable, List, NamedTuple, Optional, Tuple

from ..files import source_lines


class Edit(NamedTuple):
    """Replace `text[start:end]` (string offsets) with `new`."""

    start: int
    end: int
    new: str


class Offsets:
    """String offsets of ast positions in one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = source_lines(text, keepends=True)
        self.starts: List[int] = []
        at = 0
        for line in self.lines:
            self.starts.append(at)
            at += len(line)
        self.starts.append(at)  # one past the last line, for a position at the very end

    def at(self, line: int, col_bytes: int) -> int:
        """The string offset of ast's (1-based line, UTF-8 byte column). Raises IndexError for a
        line the text does not have."""
        if not 1 <= line <= len(self.starts):
            raise IndexError(f"line {line} out of range")
        text = self.lines[line - 1] if line <= len(self.lines) else ""
        if text.isascii():
            return self.starts[line - 1] + col_bytes
        return self.starts[line - 1] + len(text.encode("utf-8")[:col_bytes].decode("utf-8", "replace"))

    def span(self, node: ast.AST) -> Tuple[int, int]:
        """(start, end) string offsets of a node that has positions."""
        return (
            self.at(node.lineno, node.col_offset),  # type: ignore[attr-defined]
            self.at(node.end_lineno, node.end_col_offset),  # type: ignore[attr-defined]
        )

    def line_start(self, offset: int) -> int:
        """The offset of the start of the line holding `offset`."""
        return self.starts[self.line_index(offset)]

    def line_index(self, offset: int) -> int:
        """0-based index of the line holding `offset`."""
        import bisect

        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with every edit applied. Raises ValueError if two edits overlap."""
    out: List[str] = []
    cursor = 0
    for start, end, new in sorted(edits, key=lambda e: (e.start, e.end)):
        if start < cursor:
            raise ValueError(f"overlapping edits at offset {start}")
        out += [text[cursor:start], new]
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def same_shape(a: ast.AST, b: ast.AST) -> bool:
    """Whether two nodes are the same syntax, positions aside."""
    return ast.dump(a, include_attributes=False) == ast.dump(b, include_attributes=False)


def expression_at(text: str) -> Optional[ast.expr]:
    """The expression a piece of source text spells (it may span lines), or None."""
    try:
        tree = ast.parse(f"(\n{text}\n)", mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return tree.body


def _universal_newlines(text: str) -> str:
    """The compiler ends a line at \\n, \\r\\n or a lone \\r; the tokenize module only at \\n (it
    would read the rest of a line after a lone \\r as part of a comment)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def has_comment(text: str) -> bool:
    """Whether a piece of expression text holds a comment (a `#` outside strings)."""
    if "#" not in text:
        return False
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(f"(\n{_universal_newlines(text)}\n)\n").readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return True  # cannot tell: assume it has one
    return any(tok.type == tokenize.COMMENT for tok in tokens)


def comments(text: str) -> Optional[List[str]]:
    """Every comment in a module's text, in order, or None if it cannot be tokenized."""
    if "#" not in text:
        return []
    try:
        return [
            tok.string.rstrip() for tok in tokenize.generate_tokens(io.StringIO(_universal_newlines(text)).readline)
            if tok.type == tokenize.COMMENT
        ]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return None


_COOKIE = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


def header(text: str) -> Tuple[Optional[str], bool]:
    """The PEP 263 encoding cookie (line 1, or line 2 after a comment or blank line 1), and whether
    a `# type: ignore` comment comes before any code (PEP 484: it silences the whole file)."""
    lines = source_lines(text[:2000])[:2]
    cookie = None
    for i, line in enumerate(lines):
        match = _COOKIE.match(line)
        if match:
            cookie = match.group(1)
            break
        if i == 0 and line.strip() and not line.lstrip().startswith("#"):
            break
    leading = []
    for line in source_lines(text):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        leading.append(stripped)
    return cookie, any(line.startswith("#") and "type:" in line and "ignore" in line for line in leading)


def first_position(stmt: ast.stmt) -> Tuple[int, int]:
    """Where a statement's text starts: (line, byte col) of its first decorator, if it has any."""
    decorators = getattr(stmt, "decorator_list", None) or []
    first = min([stmt] + list(decorators), key=lambda n: (n.lineno, n.col_offset))
    return first.lineno, first.col_offset


def is_docstring(stmt: Optional[ast.AST]) -> bool:
    """Whether a statement is a string standing alone (the docstring, when it opens a body)."""
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)


def statements(tree: ast.AST):
    """Every statement of a module, with the node whose body holds it; expressions are not
    entered (imports, definitions and docstrings are all statements), which makes this several
    times cheaper than `ast.walk` on a large module."""
    stack = [tree]
    while stack:
        node = stack.pop()
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            for child in getattr(node, field, None) or ():
                if isinstance(child, ast.AST):
                    yield child, node
                    stack.append(child)
