"""Findings kept between runs of `secure-random check`, keyed by each file's content.

Like ruff's `.ruff_cache` and mypy's `.mypy_cache`: a folder at the project root (the folder of the
pyproject.toml in force, else the nearest folder above the current one with `.git`, `setup.cfg` or
`setup.py`, else the current folder) named `.secure-random-cache`. It holds one JSON file per tool
build and settings; each maps a file's absolute path to the BLAKE2b digest of its bytes and what
checking those bytes gave (findings, or the one-line reason it could not be parsed), with the file's
size and modification time. A file whose size and time are those kept is not even read (as git's
index, ruff and mypy do), unless its time is within two seconds of when it was checked (git's "racily
clean" rule: a later edit in the same tick would keep the time); any other file is read and its
digest compared. A file whose bytes changed is checked again; a different build of the tool (another version, or edited source in
an editable install) or different settings use another file. The folder ignores itself for git
(`.gitignore` with `*`) and carries a `CACHEDIR.TAG` (https://bford.info/cachedir/) so backup tools
skip it. The cache is an optimisation only: a folder that cannot be written or a file that cannot be
read is ignored without a word, and JSON (not pickle) is read, so a planted cache file cannot run code.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from .model import Finding, Settings

FOLDER = ".secure-random-cache"
_PROJECT_MARKERS = (".git", "setup.cfg", "setup.py", "pyproject.toml")
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by secure-random.\n"
_FIELDS = [f.name for f in dataclasses.fields(Finding)]

# A modification time this close (nanoseconds) to when the entry was made may hide a later edit.
_RACY_NS = 2_000_000_000


def project_root(pyproject: Optional[Path], start: Path) -> Path:
    """Where the cache folder goes: the configuration's folder, else the nearest project folder
    above `start`, else `start` itself."""
    if pyproject is not None:
        return pyproject.resolve().parent
    start = start.resolve()
    for folder in [start, *start.parents]:
        if any((folder / marker).exists() for marker in _PROJECT_MARKERS):
            return folder
    return start


def digest(data: bytes) -> str:
    """The cache key of a file's content: BLAKE2b (RFC 7693), 16 bytes, in hex."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _build() -> str:
    """What identifies this build of the tool: the name, size and modification time of each of its
    modules (a version bump changes them; so does editing an editable install)."""
    here = Path(__file__).resolve().parent
    h = hashlib.blake2b(digest_size=8)
    for path in sorted(here.rglob("*.py")):
        st = path.stat()
        h.update(f"{path.relative_to(here)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


def _settings_key(settings: Settings) -> str:
    # `exclude` decides which files are checked, not what checking a file finds
    return hashlib.blake2b(repr(dataclasses.replace(settings, exclude=())).encode(), digest_size=8).hexdigest()


class Cache:
    """The entries of one build and settings; `get` before checking a file, `put` after, `save` once."""

    def __init__(self, folder: Path, settings: Settings) -> None:
        self.folder = folder
        self.file = folder / f"{_build()}-{_settings_key(settings)}.json"
        self.entries: Dict[str, list] = {}
        self.seen: set = set()  # the paths asked about in this run
        self.dirty = False
        try:
            with open(self.file, encoding="utf-8") as f:
                loaded = json.load(f)
            if isinstance(loaded, dict):
                self.entries = loaded
        except (OSError, ValueError):
            pass

    def get(self, path: str) -> Optional[Tuple[List[Finding], Optional[str]]]:
        """(findings, reason it could not be checked) kept for `path` as it is now, or None (not
        kept, changed, or unreadable: check it, which also reports why it cannot be read)."""
        path = os.path.abspath(path)
        self.seen.add(path)
        entry = self.entries.get(path)
        if not isinstance(entry, list) or len(entry) != 6:
            return None
        key, rows, problem, size, mtime_ns, made_ns = entry
        try:
            st = os.stat(path)
        except OSError:
            return None
        if (st.st_size, st.st_mtime_ns) != (size, mtime_ns) or made_ns - mtime_ns < _RACY_NS:
            from .files import SourceError, read_with_stat

            try:
                data, st = read_with_stat(path)
            except SourceError:
                return None
            if digest(data) != key:
                return None
            # the same bytes: keep the new size and time, so the next run need not read it
            self.entries[path] = [key, rows, problem, st.st_size, st.st_mtime_ns, time.time_ns()]
            self.dirty = True
        try:
            return [Finding(**dict(zip(_FIELDS, row))) for row in rows], problem
        except TypeError:  # a cache written by hand or by another shape of Finding
            return None

    def put(self, path: str, key: str, st: Tuple[int, int], findings: List[Finding], problem: Optional[str]) -> None:
        """Keep what checking `path` gave; `key` is the digest of the bytes checked, `st` the
        (size, modification time in ns) of the file they were read from."""
        rows = [[getattr(f, name) for name in _FIELDS] for f in findings]
        path = os.path.abspath(path)
        self.seen.add(path)
        self.entries[path] = [key, rows, problem, st[0], st[1], time.time_ns()]
        self.dirty = True

    def save(self) -> None:
        """Write the entries atomically (a temporary file renamed over the old one); any OSError is
        swallowed: a read-only checkout simply runs without a cache."""
        if not self.dirty:
            return
        # files checked by an earlier run over other paths stay; those deleted since go
        self.entries = {p: e for p, e in self.entries.items() if p in self.seen or os.path.exists(p)}
        import tempfile

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, text in ((".gitignore", "# made by secure-random\n*\n"), ("CACHEDIR.TAG", _TAG)):
                marker = self.folder / name
                if not marker.exists():
                    marker.write_text(text, encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".entries.", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(self.entries, f, separators=(",", ":"))
                os.replace(tmp, self.file)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            pass
