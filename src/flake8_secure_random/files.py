"""Finding the Python files under the paths a user gave, and reading them as text."""
from __future__ import annotations

import ast
import fnmatch
import io
import os
import re
import tokenize
import warnings
from pathlib import Path
from typing import Iterator, List, Sequence, Tuple

# Folders no one wants linted: VCS data, virtualenvs, tool caches, build output.
SKIP_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", ".bzr", ".tox", ".nox", ".venv", "venv", ".env", "env", "__pycache__",
        ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis", ".eggs", "build", "dist",
        "node_modules", "site-packages", "__pypackages__", ".direnv",
    }
)


class SourceError(Exception):
    """A path that cannot be read as Python source; the message is one line for the user."""


_NEWLINE = re.compile(r"\r\n|\r|\n")


def source_lines(text: str, keepends: bool = False) -> List[str]:
    """The lines of Python source as the tokenizer counts them: only \\n, \\r\\n and \\r end a line.
    (`str.splitlines` also splits at form feeds and other separators, which Python allows inside
    lines and strings, and would put every later line number off.)"""
    if not keepends:
        return _NEWLINE.split(text[:-1] if text.endswith(("\n", "\r")) else text) if text else []
    out, start = [], 0
    for m in _NEWLINE.finditer(text):
        out.append(text[start : m.end()])
        start = m.end()
    if start < len(text):
        out.append(text[start:])
    return out


def parse(text: str) -> "ast.Module":
    """ast.parse without the SyntaxWarnings (invalid escape sequences...) that Python prints about the
    code it parses: those are the checked project's business, and would break the one-line-per-file output."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text)


def excluded(path: str, patterns: Sequence[str]) -> bool:
    """True if a glob pattern matches the path, its name, or one of its folders (`legacy/*`,
    `*_pb2.py`, `migrations`), as flake8's --exclude does."""
    if not patterns:
        return False
    posix = path.replace(os.sep, "/")
    trimmed = posix[2:] if posix.startswith("./") else posix
    parts = [p for p in trimmed.split("/") if p not in ("", ".")]
    return any(
        fnmatch.fnmatch(trimmed, pat) or any(fnmatch.fnmatch(part, pat) for part in parts)
        for pat in (p.rstrip("/") for p in patterns)
    )


def python_files(paths: Sequence[str], exclude: Sequence[str] = ()) -> Iterator[Tuple[str, "SourceError | None"]]:
    """Each file to check (files given by name, `*.py` under folders), or an error for a bad path."""
    for raw in paths:
        if raw == "-":
            yield raw, None
            continue
        path = Path(raw)
        if excluded(raw, exclude):
            continue
        if path.is_dir():
            yield from ((f, None) for f in _walk(raw) if not excluded(f, exclude))
        elif path.is_file():
            yield raw, None
        elif path.exists():
            yield raw, SourceError("not a regular file")
        else:
            yield raw, SourceError("no such file or directory")


def _walk(top: str) -> List[str]:
    found: List[str] = []
    for root, dirs, files in os.walk(top, onerror=None, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info"))
        found.extend(os.path.join(root, f) for f in sorted(files) if f.endswith(".py"))
    return found


def decode(data: bytes) -> str:
    """Text of a Python file: PEP 263 cookie or BOM honoured, UTF-8 by default."""
    return decode_with_encoding(data)[0]


def decode_with_encoding(data: bytes) -> Tuple[str, str]:
    """(text, encoding) of a Python file; the encoding is "utf-8-sig" when the file has a BOM, so
    that `text.encode(encoding)` gives back the same bytes."""
    try:
        if _plain_utf8(data):
            encoding, text = "utf-8", data.decode("utf-8")
        else:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
            text = data.decode(encoding)
    except (SyntaxError, LookupError) as exc:
        raise SourceError(f"cannot decode: {exc}") from None
    except UnicodeDecodeError as exc:
        raise SourceError(f"cannot decode as {exc.encoding}: {exc.reason} at byte {exc.start}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, encoding


def _plain_utf8(data: bytes) -> bool:
    """No BOM and no `coding` in the first two lines: UTF-8, without asking tokenize."""
    if data.startswith(b"\xef\xbb\xbf"):
        return False
    first = data.find(b"\n")
    second = data.find(b"\n", first + 1) if first != -1 else -1
    return b"coding" not in (data if second == -1 else data[:second])


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None


def read_source(path: str) -> str:
    return decode(read_bytes(path))


def write_atomically(path: str, data: bytes) -> None:
    """Replace `path`'s content with `data`: a temporary file in the same folder (same file system),
    the original's permission bits, then one rename, so a reader never sees half a file."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
