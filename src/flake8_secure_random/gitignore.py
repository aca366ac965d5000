"""Which paths git ignores, so that walking a folder checks what `git status` and `git ls-files` show.

Git itself answers: `git ls-files --cached --others --exclude-standard` lists, for one work tree,
the tracked files (a tracked file is never ignored, whatever `.gitignore` says) and the untracked
files no ignore rule hides (every `.gitignore` from the top down, `.git/info/exclude`, also in a
worktree, and `core.excludesFile`). Nested work trees (submodules, a repository inside another) are
asked on their own. A folder with nothing listed under it is skipped whole.

Without git (not installed, or it refuses the repository: `safe.directory`), the rules are read
from the `.gitignore` files and `.git/info/exclude` and matched with pathspec's `GitIgnoreSpec`
(git's wildmatch); that fallback judges a folder by its own path, which can differ from git for
patterns that re-include files below an excluded folder (`!*/`, `dir/**` with `!dir/*.py`) and it
does not know which files are tracked.
"""
from __future__ import annotations

import os
import subprocess
from typing import Dict, List, Optional, Set, Tuple

from .paths import below


class GitIgnore:
    """`ignored(path, is_dir)` for paths in any git work tree; a path in none is never ignored.
    Each work tree is listed once, when a path inside it is first asked about; with `scope` (the
    folder being walked, a real path), only what is under it, so that checking one small folder of a
    large repository does not list the whole repository. `warnings` collects one line per work tree
    git could not list (the pathspec fallback was used) and git's own warnings, for the user."""

    def __init__(self, scope: Optional[str] = None) -> None:
        self.scope = scope
        self.warnings: List[str] = []
        self._tops: Dict[str, Optional[str]] = {}  # folder -> the top of the work tree holding it
        self._listings: Dict[str, object] = {}

    def ignored(self, path: str, is_dir: bool, real: bool = False) -> bool:
        """True if git does not show `path` (a file, or a folder when `is_dir`: nothing under it is
        shown). The path's real location decides (a symbolic link to a folder in a repository);
        `real`: the caller already gives an absolute path without links (a walk below a real folder)."""
        real_path = path if real else os.path.realpath(path)
        top = self.top_of(os.path.dirname(real_path))
        relative = below(real_path, top) if top is not None else None
        return relative is not None and self._listing(top).ignored(relative, is_dir)  # type: ignore[union-attr, arg-type]

    def top_of(self, folder: str) -> Optional[str]:
        """The top folder of the git work tree holding `folder` (a folder holding `.git`, a folder or,
        for a worktree or submodule, a file), or None."""
        walked: List[str] = []
        here = folder
        while here not in self._tops:
            walked.append(here)
            if os.path.exists(os.path.join(here, ".git")):
                self._tops[here] = here
                break
            parent = os.path.dirname(here)
            if parent == here:
                self._tops[here] = None
                break
            here = parent
        found = self._tops[here]
        for folder_below in walked:
            self._tops[folder_below] = found
        return found

    def _listing(self, top: str) -> object:
        if top not in self._listings:
            under = below(self.scope, top) if self.scope is not None else None
            listing, problem = _from_git(top, under)
            if listing is None and "not a git repository" in problem:
                listing = _Nothing()  # a `.git` that is no repository (empty, broken): git applies no rules
            elif listing is None:
                self.warnings.append(f"{top}: git could not list the files ({problem}); .gitignore read without "
                                     "git, which can differ from git (tracked files, some '!' rules)")
                listing = _Rules(top)
            elif problem:
                self.warnings.extend(f"{top}: git: {line}" for line in problem.splitlines())
            self._listings[top] = listing
        return self._listings[top]


class _Listing:
    """What git shows of one work tree: file paths relative to its top, and the folders above them.
    `ignore_case`: git's `core.ignorecase` (its default on macOS and Windows), where `App/Tokens.py`
    on disk is the `app/tokens.py` of the index."""

    def __init__(self, shown: List[str], ignore_case: bool = False) -> None:
        self.files: Set[str] = set()
        self.folders: Set[str] = set()
        self.ignore_case = ignore_case
        for entry in shown:
            if ignore_case:
                entry = entry.casefold()
            name = entry.rstrip("/")
            if entry.endswith("/"):
                self.folders.add(name)  # a nested repository `git ls-files --others` shows as a folder
            else:
                self.files.add(name)  # a submodule's path is a tracked entry too
                self.folders.add(name)
            parts = name.split("/")
            self.folders.update("/".join(parts[:i]) for i in range(1, len(parts)))

    def ignored(self, relative: str, is_dir: bool) -> bool:
        if self.ignore_case:
            relative = relative.casefold()
        return relative not in (self.folders if is_dir else self.files)


class _Nothing:
    """A folder with a `.git` that git does not take for a repository: nothing is ignored."""

    def ignored(self, relative: str, is_dir: bool) -> bool:
        return False


class _Rules:
    """The fallback without git: the ignore files' rules, matched with pathspec."""

    def __init__(self, top: str) -> None:
        self.top = top
        self._specs: Dict[str, object] = {}

    def ignored(self, relative: str, is_dir: bool) -> bool:
        parts = relative.split("/")
        verdict = False
        folder = self.top
        for depth in range(len(parts)):  # the top's rules first, the deepest folder's last
            spec = self._spec(folder)
            if spec is not None:
                below = "/".join(parts[depth:]) + ("/" if is_dir else "")
                result = spec.check_file(below)  # type: ignore[attr-defined]
                if result.include is not None:
                    verdict = result.include
            folder = os.path.join(folder, parts[depth])
        return verdict

    def _spec(self, folder: str) -> object:
        if folder not in self._specs:
            lines: List[str] = []
            if folder == self.top:
                lines += _read_lines(os.path.join(folder, ".git", "info", "exclude"))
            lines += _read_lines(os.path.join(folder, ".gitignore"))
            if lines:
                import pathspec  # only for trees that have ignore files

                self._specs[folder] = pathspec.GitIgnoreSpec.from_lines(lines)
            else:
                self._specs[folder] = None
        return self._specs[folder]


# `core.fsmonitor` names a command git runs to learn what changed: a checked tree's own `.git/config`
# must not make us run anything (the checked code is never run), so it is turned off.
_GIT = ("git", "-c", "core.fsmonitor=false")


def _from_git(top: str, under: Optional[str] = None) -> Tuple[Optional[_Listing], str]:
    """The work tree's listing from git (only below `under`, a folder relative to `top`) and git's
    warnings; or (None, why) when git is missing or fails."""
    command = [*_GIT, "-C", top, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    if under:
        command += ["--", f":(literal){under}"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=120, env=_git_environment())
        case = subprocess.run([*_GIT, "-C", top, "config", "--bool", "core.ignorecase"], capture_output=True,
                              timeout=30, env=_git_environment()) if done.returncode == 0 else None
    except FileNotFoundError:
        return None, "git is not installed"
    except (OSError, subprocess.SubprocessError) as exc:
        return None, str(exc)
    message = os.fsdecode(done.stderr).strip()
    if done.returncode != 0:
        return None, message.splitlines()[0] if message else f"exit status {done.returncode}"
    ignore_case = case is not None and case.stdout.strip() == b"true"
    return _Listing([os.fsdecode(entry) for entry in done.stdout.split(b"\0") if entry], ignore_case), message


def _git_environment() -> Dict[str, str]:
    """The environment for git: the user's, without a GIT_DIR or GIT_WORK_TREE that a hook sets for
    another repository (pre-commit runs hooks inside one), so `-C top` decides which tree is listed."""
    env = {k: v for k, v in os.environ.items() if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}
    env.update(LC_ALL="C", LANGUAGE="C")  # git's messages untranslated: they are matched and shown as they are
    return env


def _read_lines(path: str) -> List[str]:
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            return f.read().splitlines()
    except OSError:
        return []


__all__ = ["GitIgnore"]
