"""Which paths git ignores, so that walking a folder skips them as `git status` does.

The rules are git's (gitignore(5)): every `.gitignore` from the top of the work tree down to a
path's folder, and `.git/info/exclude`; a file deeper down overrides one higher up, a later line an
earlier one, `!pattern` re-includes. The matching itself is pathspec's `GitIgnoreSpec`, which
implements git's wildmatch. Not read: the global `core.excludesFile` (as ruff, black and the
`ignore` crate do not by default, what one person's machine ignores should not change a team's CI).
"""
from __future__ import annotations

import os
from typing import Dict, List, Optional


class GitIgnore:
    """The ignore rules of one git work tree. `ignored(path, is_dir)` for paths inside it."""

    def __init__(self, top: str) -> None:
        self.top = os.path.abspath(top)
        self._specs: Dict[str, object] = {}

    @classmethod
    def around(cls, folder: str) -> "Optional[GitIgnore]":
        """The rules of the work tree holding `folder` (a `.git` folder or file in it or above), or
        None when it is not in a git work tree."""
        here = os.path.abspath(folder)
        while True:
            if os.path.exists(os.path.join(here, ".git")):
                return cls(here)
            parent = os.path.dirname(here)
            if parent == here:
                return None
            here = parent

    def ignored(self, path: str, is_dir: bool) -> bool:
        """True if git ignores `path` (a file, or a folder when `is_dir`). A path outside the work
        tree is never ignored. The `.gitignore` files are read once each, when first needed; one
        that cannot be read counts as empty (git says nothing about it either)."""
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, self.top)
        if relative == "." or relative.startswith(".."):
            return False
        parts = relative.split(os.sep)
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


def _read_lines(path: str) -> List[str]:
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            return f.read().splitlines()
    except OSError:
        return []
