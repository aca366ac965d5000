"""Findings kept between runs of `secure-random check`, keyed by each file's content.

Like ruff's `.ruff_cache` and mypy's `.mypy_cache`: a folder at the project root (the folder of the
pyproject.toml in force, else the nearest folder above the current one with `.git`, `setup.cfg` or
`setup.py`, else the current folder) named `.secure-random-cache`, with one subfolder per tool build
(its modules' names, sizes and times, and the Python running it: the parser differs between
versions) and settings. Entries are spread over 256 small JSON files by a hash of the file's absolute
path, so a run over three files reads three of them. An entry holds the BLAKE2b digest of the bytes
checked, what checking them gave (findings, or the one-line reason they could not be parsed), and the
file's size, modification and change times and inode number when it was read.

A file whose status is the one kept is not read at all, as git's index does; unless it changed
within two seconds of being read (git's "racily clean" rule: an edit in the same tick keeps the
time). Any other file is read and its digest compared. Tools that keep a file's modification time
(`cp -p`, `touch -r`, `tar x`, `mv`) still change its inode or change time, which cannot be set. A
failure that says nothing about the file (out of memory) is not kept.

The project index (`project.py`: what each file imports, uses and passes on) is kept apart, in a
subfolder of its own per tool build and the few settings its facts depend on (`_INDEX_SETTINGS`),
so that `secure-random check` in any mode and the flake8 plugin share it. Saving it replaces the
whole file atomically: two processes saving at once (flake8's workers) each leave a whole index,
the last one's.

The cache is an optimisation only: a folder that cannot be written, or a cache file that cannot be
read or is not what this module writes, is ignored without a word. JSON (not pickle) is read, so a
planted cache file cannot run code; it can only claim results for files whose exact bytes it names.
The folder ignores itself for git (`.gitignore` with `*`) and carries a `CACHEDIR.TAG`
(https://bford.info/cachedir/) so backup tools skip it.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from .config import project_root
from .model import Finding, Settings

FOLDER = ".secure-random-cache"
_MARKERS = {
    ".gitignore": "# made by secure-random\n*\n",
    "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by secure-random.\n",
}
_FIELDS = [f.name for f in dataclasses.fields(Finding)]
_FIELD_TYPES = [str if f.type in (str, "str") else int for f in dataclasses.fields(Finding)]
# A file this close (ns) to when it was read may have changed again in the same tick.
RACY_NS = 2_000_000_000
_MAX_BUCKET_BYTES = 64 << 20  # a bucket this big is not ours
_STALE_S = 30 * 24 * 3600  # builds and settings unused this long are removed
_TMP_STALE_S = 3600  # temporary files of a run killed while saving

# What a run learnt about one file it read: digest, size, mtime_ns, inode, ctime_ns, when read (ns).
Read = Tuple[str, int, int, int, int, int]


def digest(data: bytes) -> str:
    """The cache key of a file's content: BLAKE2b (RFC 7693), 16 bytes, in hex."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def status(st: os.stat_result) -> Tuple[int, int, int, int]:
    """What must not have changed for a file to be taken as unchanged without reading it."""
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


def _build() -> str:
    """What identifies this build of the tool: the name, size and modification time of each of its
    modules (a version bump changes them; so does editing an editable install), and the Python that
    runs it (what parses differs between versions)."""
    here = Path(__file__).resolve().parent
    h = hashlib.blake2b(f"{sys.implementation.cache_tag}:{sys.version_info[:3]}".encode(), digest_size=8)
    for path in sorted(here.rglob("*.py")):
        st = path.stat()
        h.update(f"{path.relative_to(here)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


def _settings_key(settings: Settings) -> str:
    # `exclude` and `respect_gitignore` decide which files are checked, not what checking a file finds
    kept = dataclasses.replace(settings, exclude=(), respect_gitignore=True)
    return hashlib.blake2b(repr(kept).encode(), digest_size=8).hexdigest()


class Index(Dict[str, list]):
    """What `project.demands_for` keeps of each file between runs, by absolute path
    (`project._open` gives an entry's shape). `changed` is set when a run learnt something the
    index did not hold (a file read anew, a fact or summary worked out), so that an index nothing
    was learnt from is not written again (`Cache.save_index`)."""

    changed = False


# The settings the project index's facts depend on besides each file's bytes: `analysis.summarize`
# reads only these (the word lists and whether `# noqa` silences a secret). Runs that differ in
# anything else (strict mode, the rules selected, RND202's threshold, the flake8 plugin against the
# command line) share one index.
_INDEX_SETTINGS = ("extend_sensitive_words", "extend_benign_words", "honour_noqa")


def _index_key(settings: Settings) -> str:
    kept = tuple(getattr(settings, name) for name in _INDEX_SETTINGS)
    return hashlib.blake2b(repr(kept).encode(), digest_size=8).hexdigest()


def open_cache(settings: Settings, pyproject: Optional[Path], no_cache: bool = False,
               cache_dir: Optional[str] = None) -> Optional["Cache"]:
    """The cache of a run with `settings`, or None for none: when `no_cache` is true or
    SECURE_RANDOM_NO_CACHE is set to anything but "", 0, false, no or off. Its folder is `cache_dir`,
    else SECURE_RANDOM_CACHE_DIR, else `.secure-random-cache` at the project root
    (`config.project_root`: the folder of `pyproject`, the pyproject.toml in force, else the nearest
    folder above the current one with a project marker, else the current folder). None too when
    the current folder cannot be read (deleted). Nothing is created until `Cache.save`."""
    if no_cache or os.environ.get("SECURE_RANDOM_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no", "off"):
        return None
    try:
        folder = cache_dir or os.environ.get("SECURE_RANDOM_CACHE_DIR")
        if folder:
            return Cache(Path(folder).absolute(), settings)
        start = pyproject.parent if pyproject is not None else Path.cwd()
        return Cache(project_root(pyproject, start) / FOLDER, settings)
    except OSError:  # the working folder was deleted, a folder cannot be read: run without
        return None


def _valid(entry: object) -> bool:
    """Whether a stored entry has exactly the shape `put` writes (anything else is ignored)."""
    if not (isinstance(entry, list) and len(entry) == 8 and isinstance(entry[0], str)):
        return False
    if not all(type(v) is int for v in entry[3:]):
        return False
    problem = entry[2]
    if problem is not None and not (isinstance(problem, str) and problem):
        return False
    rows = entry[1]
    return isinstance(rows, list) and all(
        isinstance(row, list) and len(row) == len(_FIELDS) and all(type(v) is t for v, t in zip(row, _FIELD_TYPES))
        for row in rows
    )


class Cache:
    """The entries of one build and settings; `get` before checking a file, `put` after, `save` once."""

    def __init__(self, folder: Path, settings: Settings) -> None:
        self.root = folder
        build = _build()
        self.folder = folder / f"{build}-{_settings_key(settings)}"
        self.index_folder = folder / f"{build}-index-{_index_key(settings)}"
        self.buckets: Dict[str, Dict[str, list]] = {}
        self.dirty: set = set()
        self.seen: set = set()  # the paths asked about in this run
        self.index: Optional[Index] = None
        self.index_dirty = False

    # -- entries ---------------------------------------------------------------------------------
    def _bucket(self, path: str) -> Tuple[str, Dict[str, list]]:
        name = hashlib.blake2b(path.encode("utf-8", "surrogatepass"), digest_size=1).hexdigest()
        bucket = self.buckets.get(name)
        if bucket is None:
            bucket = self.buckets[name] = self._load(self.folder / f"{name}.json")
        return name, bucket

    @staticmethod
    def _load(file: Path) -> Dict[str, list]:
        """A bucket's entries; {} for anything but a regular JSON file of ours (no FIFO is waited on,
        no symbolic link followed, no device read)."""
        try:
            fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return {}
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_size > _MAX_BUCKET_BYTES:
                return {}
            with os.fdopen(fd, "rb", closefd=False) as f:
                loaded = json.loads(f.read())
        except (OSError, ValueError, RecursionError, MemoryError):
            return {}
        finally:
            os.close(fd)
        return loaded if isinstance(loaded, dict) else {}

    def get(self, path: str) -> Optional[Tuple[List[Finding], Optional[str]]]:
        """(findings, reason it could not be checked) kept for `path` as it is now, or None (not
        kept, changed, or unreadable: check it, which also reports why it cannot be read)."""
        path = os.path.abspath(path)
        self.seen.add(path)
        name, bucket = self._bucket(path)
        entry = bucket.get(path)
        if not _valid(entry):
            return None
        key, rows, problem, size, mtime_ns, ino, ctime_ns, read_ns = entry  # type: ignore[misc]
        try:
            st = os.stat(path)
        except OSError:
            return None
        if status(st) != (size, mtime_ns, ino, ctime_ns) or read_ns - max(mtime_ns, ctime_ns) < RACY_NS:
            from .files import SourceError, read_with_stat

            try:
                when = time.time_ns()
                data, st = read_with_stat(path)
            except SourceError:
                return None
            if digest(data) != key:
                return None
            bucket[path] = [key, rows, problem, *status(st), when]  # the next run need not read it
            self.dirty.add(name)
        return [Finding(**dict(zip(_FIELDS, row))) for row in rows], problem

    def put(self, path: str, read: Read, findings: List[Finding], problem: Optional[str]) -> None:
        """Keep what checking `path` gave; `read` is what `_check_path` learnt reading it."""
        path = os.path.abspath(path)
        self.seen.add(path)
        name, bucket = self._bucket(path)
        bucket[path] = [read[0], [[getattr(f, n) for n in _FIELDS] for f in findings], problem, *read[1:]]
        self.dirty.add(name)

    # -- the project index (`project.py`) -------------------------------------------------------
    def load_index(self) -> Index:
        """What `project.demands_for` kept of each file of the project, by absolute path (empty when
        there is nothing, or nothing of ours)."""
        if self.index is None:
            self.index = Index(self._load(self.index_folder / "index.json"))
        return self.index

    def save_index(self, index: Dict[str, list]) -> None:
        """Keep `index` (written by `save`) when it learnt something (`Index.changed`; a plain dict
        always is), without the files deleted since. An index nothing was learnt from is not
        written again: a warm run writes nothing."""
        if isinstance(index, Index) and not index.changed:
            return
        self.index = Index({p: e for p, e in index.items() if os.path.exists(p)})
        self.index_dirty = True

    # -- saving ----------------------------------------------------------------------------------
    def save(self) -> None:
        """Write the buckets that changed and the index, when it changed, each atomically (a
        temporary file renamed over the old one), so that a process reading it, or another saving
        it at the same time, never sees half a file. Any OSError is swallowed: a read-only checkout
        simply runs without a cache."""
        index = self.index_dirty and self.index is not None
        if not self.dirty and not index:
            return
        try:
            used = ([self.index_folder] if index else []) + ([self.folder] if self.dirty else [])
            for folder in used:
                folder.mkdir(parents=True, exist_ok=True)
            for marker, text in _MARKERS.items():
                self._ensure(self.root / marker, text)
            if index:
                self._write(self.index_folder / "index.json", json.dumps(self.index, separators=(",", ":")))
            for name in sorted(self.dirty):
                bucket = self.buckets[name]
                # files checked by an earlier run over other paths stay; those deleted since go
                kept = {p: e for p, e in bucket.items() if p in self.seen or os.path.exists(p)}
                self._write(self.folder / f"{name}.json", json.dumps(kept, separators=(",", ":")))
            # a folder this run read from is in use too, though nothing in it changed (a warm index)
            read = ([self.index_folder] if self.index is not None and not index else []) + (
                [self.folder] if self.buckets and not self.dirty else [])
            self._tidy(used + [f for f in read if f.is_dir()])
        except OSError:
            pass

    def _ensure(self, path: Path, text: str) -> None:
        try:
            if not path.is_symlink() and path.read_text(encoding="utf-8") == text:
                return
        except (OSError, UnicodeDecodeError):
            pass
        self._write(path, text)  # renamed over whatever is there (a link is replaced, not followed)

    @staticmethod
    def _write(path: Path, text: str) -> None:
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secure-random.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.chmod(tmp, 0o644)  # readable as any other file of the project (mkstemp makes 0600)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    def _tidy(self, used: List[Path]) -> None:
        """Remove what killed runs and other builds or settings left: temporary files older than an
        hour, and subfolders unused for thirty days (the `used` ones are marked as in use)."""
        import shutil

        now = time.time()
        for folder in used:
            os.utime(folder)  # in use
        for folder in (self.root, *used):
            for entry in os.scandir(folder):
                try:
                    age = now - entry.stat(follow_symlinks=False).st_mtime
                    if entry.name.startswith(".secure-random.") and entry.name.endswith(".tmp"):
                        if age > _TMP_STALE_S:
                            os.unlink(entry.path)
                    elif folder == self.root and entry.is_dir(follow_symlinks=False) and age > _STALE_S:
                        shutil.rmtree(entry.path, ignore_errors=True)
                except OSError:
                    continue
