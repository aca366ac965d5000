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
from typing import Dict, FrozenSet, List, Optional, Set, Tuple


class GitIgnore:
    """`ignored(path, is_dir)` for paths in any git work tree; a path in none is never ignored.
    Each work tree is listed once, when a path inside it is first asked about."""

    def __init__(self) -> None:
        self._tops: Dict[str, Optional[str]] = {}  # folder -> the top of the work tree holding it
        self._listings: Dict[str, "_Listing"] = {}

    def ignored(self, path: str, is_dir: bool) -> bool:
        """True if git does not show `path` (a file, or a folder when `is_dir`: nothing under it is
        shown). The path's real location decides (a symbolic link to a folder in a repository)."""
        real = os.path.realpath(path)
        top = self.top_of(os.path.dirname(real))
        if top is None:
            return False
        relative = os.path.relpath(real, top).replace(os.sep, "/")
        if relative.startswith("../"):
            return False
        return self._listing(top).ignored(relative, is_dir)

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

    def _listing(self, top: str) -> "_Listing":
        if top not in self._listings:
            self._listings[top] = _from_git(top) or _from_rules(top)
        return self._listings[top]


class _Listing:
    """What git shows of one work tree: file paths relative to its top, and the folders above them."""

    def __init__(self, shown: List[str]) -> None:
        self.files: Set[str] = set()
        self.folders: Set[str] = set()
        for entry in shown:
            name = entry.rstrip("/")
            if entry.endswith("/"):
                self.folders.add(name)  # a nested repository `git ls-files --others` shows as a folder
            else:
                self.files.add(name)  # a submodule's path is a tracked entry too
                self.folders.add(name)
            parts = name.split("/")
            self.folders.update("/".join(parts[:i]) for i in range(1, len(parts)))

    def ignored(self, relative: str, is_dir: bool) -> bool:
        return relative not in (self.folders if is_dir else self.files)


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


def _from_git(top: str) -> Optional[_Listing]:
    """The work tree's listing from git, or None when git is missing or fails."""
    try:
        done = subprocess.run(
            ["git", "-C", top, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True, timeout=120, env=_git_environment(),
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return _Listing([os.fsdecode(entry) for entry in done.stdout.split(b"\0") if entry])


def _git_environment() -> Dict[str, str]:
    """The environment for git: the user's, without a GIT_DIR or GIT_WORK_TREE that a hook sets for
    another repository (pre-commit runs hooks inside one), so `-C top` decides which tree is listed."""
    return {k: v for k, v in os.environ.items() if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}


def _from_rules(top: str) -> "_Rules":
    return _Rules(top)


def _read_lines(path: str) -> List[str]:
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            return f.read().splitlines()
    except OSError:
        return []


__all__ = ["GitIgnore"]
