"""Finding the Python files under the paths a user gave, and reading them as text."""
from __future__ import annotations

import ast
import errno
import fnmatch
import io
import os
import re
import stat
import tokenize
import warnings
from pathlib import Path
from typing import Callable, Iterator, List, Optional, Sequence, Tuple

# Folders no one wants linted: VCS data, virtualenvs, tool caches, build output.
SKIP_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", ".bzr", ".tox", ".nox", ".venv", ".env", "__pycache__",
        ".mypy_cache", ".pytest_cache", ".ruff_cache", ".secure-random-cache", ".hypothesis", ".eggs",
        "node_modules", "site-packages", "__pypackages__", ".direnv",
    }
)
# Names that are build output or a virtualenv at the top of a project, and ordinary source inside a
# package (`pip/_internal/operations/build/`, `myapp/env/`): skipped only at the top of the folder
# being checked, or anywhere they hold a virtualenv (a `pyvenv.cfg`, PEP 405).
TOP_SKIP_DIRS = frozenset({"build", "dist", "env", "venv"})


class SourceError(Exception):
    """A path that cannot be read as Python source; the message is one line for the user.
    `transient`: the failure says nothing about the file (memory ran out), so it is not cached."""

    def __init__(self, message: str, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


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


def excluded(path: str, patterns: Sequence[str], base: Optional[str] = None) -> bool:
    """True if a glob pattern matches the path, its name, or one of its folders (`legacy/*`,
    `*_pb2.py`, `migrations`), as flake8's --exclude does; with `base` (the folder of the
    configuration that sets the patterns), also the path relative to it, so that `app/tokens.py`
    holds however the path was typed (absolute, `./app/...`, from inside `app/`)."""
    if not patterns:
        return False
    candidates = [path]
    if base is not None:
        try:
            relative = os.path.relpath(os.path.abspath(path), base)
        except ValueError:  # another drive (Windows)
            relative = None
        if relative is not None and not relative.startswith(".."):
            candidates.append(relative)
    candidates.append(os.path.abspath(path))
    wanted = [p.rstrip("/")[2:] if p.startswith("./") else p.rstrip("/") for p in (q.replace(os.sep, "/") for q in patterns)]
    for candidate in candidates:
        posix = candidate.replace(os.sep, "/")
        trimmed = posix[2:] if posix.startswith("./") else posix
        parts = [p for p in trimmed.split("/") if p not in ("", ".")]
        # the path, each folder above it (`pkg/app` excludes `pkg/app/tokens.py`), and each name
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        if trimmed.startswith("/"):
            prefixes = ["/" + p for p in prefixes]
        if any(
            fnmatch.fnmatch(trimmed, pat) or any(fnmatch.fnmatch(p, pat) for p in prefixes)
            or any(fnmatch.fnmatch(part, pat) for part in parts)
            for pat in wanted if pat
        ):
            return True
    return False


def python_files(
    paths: Sequence[str], exclude: Sequence[str] = (), base: Optional[str] = None, respect_gitignore: bool = True,
    warn: Optional[Callable[[str], None]] = None, skip_folder: Optional[Callable[[str, str], bool]] = None,
) -> Iterator[Tuple[str, "SourceError | None"]]:
    """Each file to check (files given by name, `*.py` under folders), or an error for a bad path.
    `exclude` patterns are matched as `excluded` does, `base` being the configuration's folder.
    With `respect_gitignore`, what git does not show is skipped while walking a folder
    (`gitignore.py`); a path given by name is checked whatever git thinks of it, as ruff does.
    A file reached twice (named twice, through a linked folder, a hard link) is given once, under
    the first name it was reached by. `warn` receives one line for each work tree git could not
    list (see `gitignore.GitIgnore.warnings`). `skip_folder(parent, name)`: more folders a walk
    leaves out whole (the project walk leaves out test folders, `paths.is_test_folder`)."""
    from .gitignore import GitIgnore

    seen: set = set()

    def first_time(path: str) -> bool:
        try:
            st = os.stat(path)
        except OSError:
            return True  # reading it will say what is wrong
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        if raw == "-":
            yield raw, None
            continue
        path = Path(raw)
        if excluded(raw, exclude, base):
            continue
        if path.is_dir():
            ignore = GitIgnore(os.path.realpath(raw)) if respect_gitignore else None
            for found, problem in _walk(raw, ignore, skip_folder):
                if problem is not None:
                    yield found, problem
                elif not excluded(found, exclude, base) and first_time(found):
                    yield found, None
            for line in ignore.warnings if ignore is not None and warn is not None else ():
                warn(line)
        elif path.is_file():
            if first_time(raw):
                yield raw, None
        else:
            yield raw, SourceError(_missing(raw))


def walk_skips(path: str, top: str, exclude: Sequence[str] = (), base: Optional[str] = None,
               ignore: "Optional[object]" = None) -> bool:
    """Whether walking `top` would leave out the file `path` (inside it): a folder on the way that
    `_walk` skips (tool and virtualenv folders, `build` at the top...), an `exclude` pattern, or git
    (`ignore`, a `gitignore.GitIgnore`). For a front-end that is handed files by another walker (the
    libcst codemod), so that it rewrites what `secure-random fix` would."""
    absolute, top = os.path.abspath(path), os.path.abspath(top)
    relative = os.path.relpath(absolute, top)
    if relative.startswith(".."):
        return False
    parts = relative.split(os.sep)
    folder = top
    for depth, part in enumerate(parts[:-1]):
        if _skipped_folder(folder, part, depth == 0):
            return True
        folder = os.path.join(folder, part)
    if excluded(path, exclude, base):
        return True
    return ignore is not None and not ignore.ignored(top, True) and ignore.ignored(absolute, False)  # type: ignore[attr-defined]


def _skipped_folder(parent: str, name: str, at_top: bool) -> bool:
    """Whether a walk leaves out the folder `name` in `parent`: a tool, VCS or virtualenv folder
    (`SKIP_DIRS`, `*.egg-info`), build output at the top of the walk (`TOP_SKIP_DIRS`), or any folder
    holding a virtualenv (`pyvenv.cfg`, PEP 405)."""
    return (
        name in SKIP_DIRS or name.endswith(".egg-info") or (name in TOP_SKIP_DIRS and at_top)
        or os.path.isfile(os.path.join(parent, name, "pyvenv.cfg"))
    )


def _missing(path: str) -> str:
    """Why a path that is neither a folder nor a regular file cannot be checked, in a few words."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if os.path.islink(path):
            return "broken symbolic link (its target does not exist)"
        if exc.errno != errno.ENOENT:
            return os_reason(exc)
        return "no such file or directory"
    return "not a regular file"


def os_reason(exc: OSError) -> str:
    """The OS's one-line reason, in lower case as the rest of the messages (`permission denied`)."""
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:]


def _walk(
    top: str, ignore: "Optional[object]" = None, skip_folder: Optional[Callable[[str, str], bool]] = None
) -> Iterator[Tuple[str, "SourceError | None"]]:
    """The `*.py` files under `top`, in sorted order (a folder's files, then its subfolders' in
    turn, as `os.walk` goes), and (folder, error) for a folder that cannot be read (git warns about
    those too; they are not skipped in silence). Links are not followed. One `os.scandir` per
    folder: what an entry is comes with it (no `stat` per file on Linux, macOS and Windows)."""
    real_top = os.path.realpath(top)
    if ignore is not None and ignore.ignored(real_top, True, real=True):  # type: ignore[attr-defined]
        ignore = None  # a folder named on the command line is checked, ignored or not
    stack: List[Tuple[str, str]] = [(top, real_top)]  # (folder as the walk names it, its real path)
    while stack:
        root, real_root = stack.pop()
        try:
            with os.scandir(root) as it:
                entries = list(it)
        except OSError as exc:
            yield exc.filename or root, SourceError(os_reason(exc))
            continue
        folders: List[str] = []
        files: List[str] = []
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):  # a link to a folder is not entered (as os.walk)
                    folders.append(entry.name)
                # Only regular files: reading a FIFO named `x.py` would wait for a writer forever. A
                # symbolic link is skipped: its target is checked where it lives, so nothing is
                # reported twice.
                elif entry.name.endswith(".py") and entry.is_file(follow_symlinks=False):
                    files.append(entry.name)
            except OSError:
                continue
        # the walk follows no link below `top`, so the real path of a folder is the real top's and
        # the names joined to it
        for name in sorted(files):
            if ignore is None or not ignore.ignored(os.path.join(real_root, name), False, real=True):  # type: ignore[attr-defined]
                yield os.path.join(root, name), None
        below = []
        for name in sorted(folders):
            if _skipped_folder(root, name, root == top) or (skip_folder and skip_folder(root, name)):
                continue
            real = os.path.join(real_root, name)
            if ignore is not None and ignore.ignored(real, True, real=True):  # type: ignore[attr-defined]
                continue
            below.append((os.path.join(root, name), real))
        stack.extend(reversed(below))


def decode(data: bytes) -> str:
    """Text of a Python file: PEP 263 cookie or BOM honoured, UTF-8 by default."""
    return decode_with_encoding(data)[0]


def decode_with_encoding(data: bytes) -> Tuple[str, str]:
    """(text, encoding) of a Python file; the encoding is "utf-8-sig" when the file has a BOM, so
    that `text.encode(encoding)` gives back the same bytes. A NUL byte is refused whatever the
    encoding: CPython's compiler rejects source that holds one (SyntaxError), so it is not a module."""
    if b"\0" in data:
        raise SourceError("contains NUL bytes")
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
    """The file's bytes. Raises SourceError (the OS's one-line reason) when it cannot be read."""
    return read_with_stat(path)[0]


def read_with_stat(path: str) -> Tuple[bytes, os.stat_result]:
    """The file's bytes and its status as it was opened (fstat of the same descriptor, so a file
    replaced in between cannot pair one version's bytes with another's size and time). Raises
    SourceError (the OS's one-line reason) when it cannot be read."""
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())  # before reading: a write landing during the read changes it after
            return f.read(), st
    except OSError as exc:
        raise SourceError(os_reason(exc)) from None


def read_source(path: str) -> str:
    return decode(read_bytes(path))


def encode_like(text: str, encoding: str, original: bytes, original_text: str) -> bytes:
    """`text`, a rewrite of `original` (which decode_with_encoding read as `original_text`,
    `encoding`), as bytes in the same encoding, BOM included.

    Raises SourceError when the untouched parts would not come back byte for byte (a codec that
    spells a character in more than one way, such as utf-7) or `text` has a character the encoding
    cannot write."""
    try:
        if original_text.encode(encoding) != original:
            raise SourceError(f"cannot rewrite: encoding it again as {encoding} would change other bytes")
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise SourceError(f"cannot encode as {exc.encoding}: {exc.reason} at character {exc.start}") from None


def write_atomically(path: str, data: bytes) -> None:
    """Replace `path`'s content with `data`, keeping the file otherwise as it was: its permission
    bits, its owner and group, and its inode when other names (hard links) share it.

    - A file without any write bit (mode 0o444) is refused with PermissionError, decided from the
      mode bits: root may write anything, and a rename needs only the folder to be writable.
    - Usually: a temporary file in the same folder (same file system) is given the original's owner,
      group and permission bits, then renamed over it, so a reader never sees half a file.
    - A file with several hard links, whose owner or group the temporary file cannot be given
      (chown not permitted), or in a folder where no file can be created, is written in place:
      every link sees the new content and the owner stays, but a reader may see half a file, and a
      crash or a full disk may leave one.

    Raises OSError (PermissionError when the file cannot be written); except for a failed in-place
    write, the file is then unchanged.
    """
    st = os.stat(path)
    if not st.st_mode & 0o222:
        raise PermissionError(errno.EACCES, "permission denied", path)
    if st.st_nlink > 1 or not _replace(path, data, st):
        with open(path, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())


def _replace(path: str, data: bytes, st: os.stat_result) -> bool:
    """Write `data` to a temporary file with `st`'s owner, group and mode, and rename it over `path`.
    False, with nothing changed, when the folder refuses a new file or the temporary file cannot be
    given that owner or group."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except PermissionError:
        return False
    renamed = False
    try:
        with os.fdopen(fd, "wb") as f:
            mine = os.fstat(f.fileno())
            if (mine.st_uid, mine.st_gid) != (st.st_uid, st.st_gid):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except PermissionError:
                    return False
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))  # after chown, which may clear the set-id bits
        os.replace(tmp, path)
        renamed = True
        return True
    finally:
        if not renamed:
            try:
                os.unlink(tmp)
            except OSError:
                pass
