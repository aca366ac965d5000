"""The libcst adapter: `python -m libcst.tool codemod flake8_secure_random.codemod.SecureRandomCommand PATH`.

The same findings and the same rewrites as `secure-random fix`, on the same files: settings come
from the `[tool.secure-random]` of the pyproject.toml nearest the current folder, as for the command
line, and a file `fix` would not reach walking the current folder (a virtualenv, a tool folder, what
git ignores, `exclude`) is skipped.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

import libcst as cst
from libcst.codemod import CodemodCommand, CodemodContext, SkipFile

from .analysis import find
from .config import ConfigError, find_pyproject, root_folder, settings_from
from .fixing import apply, file_context


class SecureRandomCommand(CodemodCommand):
    DESCRIPTION = "Rewrite the `random` calls whose value becomes a secret to equivalent `secrets` calls."

    def __init__(self, context: CodemodContext, include_tests: bool = False, unsafe_fixes: bool = False) -> None:
        super().__init__(context)
        self.include_tests = include_tests
        self.unsafe_fixes = unsafe_fixes

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument(
            "--include-tests", action="store_true", default=False,
            help="also rewrite test files (skipped by default)",
        )
        arg_parser.add_argument(
            "--unsafe-fixes", action="store_true", default=False,
            help="also apply the fixes that can change behaviour (RND301: secrets.compare_digest)",
        )

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        path = self.context.filename
        try:  # the configuration in force where the command runs, as for `secure-random fix`
            pyproject = find_pyproject(Path.cwd())
            settings = settings_from(
                pyproject, include_tests=self.include_tests or None, unsafe_fixes=self.unsafe_fixes or None,
                root=root_folder(pyproject, Path.cwd()),
            )
        except (ConfigError, OSError) as exc:
            raise SkipFile(str(exc)) from None
        if path and self._walk_skips(path, settings, pyproject):
            raise SkipFile("not a file `secure-random fix` would rewrite (a tool or virtualenv folder, "
                           "excluded, or ignored by git)")
        source = tree.code
        if path and not _reproduces(path, tree):
            raise SkipFile("libcst does not reproduce this file byte for byte (form feeds, lone CR newlines); "
                           "use `secure-random fix`, which does")
        try:
            findings = find(source, settings, path=path)
        except (SyntaxError, ValueError, RecursionError) as exc:
            raise SkipFile(f"cannot parse: {exc}") from None
        result = apply(source, findings, unsafe=settings.unsafe_fixes, **file_context(path or ""))
        for finding, reason in result.unfixed:
            self.warn(f"{finding.line}:{finding.col + 1}: {finding.code} {finding.message} (not fixed: {reason})")
        if result.error:
            raise SkipFile(result.error)
        if not result.changed:
            raise SkipFile("nothing to fix")
        # libcst writes the module's `.bytes`: its code in its encoding ("utf-8-sig" writes the BOM).
        # Parsed from text, the module would forget the encoding and the cookie's latin-1 file would
        # come out as UTF-8; the original's parser config keeps it (and its newline and indent).
        try:
            wanted = result.source.encode(tree.encoding)
            new = cst.parse_module(result.source, config=tree.config_for_parsing)
        except UnicodeEncodeError as exc:
            raise SkipFile(f"cannot encode as {tree.encoding}: {exc.reason}") from None
        except cst.ParserSyntaxError:
            raise SkipFile("libcst cannot parse the result; use `secure-random fix`") from None
        if new.bytes != wanted:
            raise SkipFile("libcst would not write the result byte for byte; use `secure-random fix`")
        return new

    _git = None  # one `gitignore.GitIgnore` per worker process: each work tree is listed once

    def _walk_skips(self, path: str, settings, pyproject) -> bool:  # type: ignore[no-untyped-def]
        """libcst walks folders itself: leave out what `secure-random fix` leaves out walking the
        current folder (see `files.walk_skips`); test files are left out by `find()`."""
        from .files import walk_skips
        from .gitignore import GitIgnore

        if settings.respect_gitignore and SecureRandomCommand._git is None:
            SecureRandomCommand._git = GitIgnore()
        base = str(pyproject.resolve().parent) if pyproject is not None else None
        return walk_skips(path, os.getcwd(), settings.exclude, base, SecureRandomCommand._git if settings.respect_gitignore else None)


def _reproduces(path: str, tree: cst.Module) -> bool:
    """Whether libcst's module writes back exactly the bytes of the file it was parsed from."""
    try:
        with open(path, "rb") as f:
            return f.read() == tree.bytes
    except OSError:
        return False
