"""The flake8 adapter: flake8 options -> Settings, findings -> flake8's (line, col, text, type) tuples."""
from __future__ import annotations

import ast
from typing import Any, Iterator, List, Tuple

from . import __version__
from .analysis import find
from .model import DEFAULT_SETTINGS, Settings


_DEFAULT_BITS = 64.0


class SecureRandomChecker:
    name = "flake8-secure-random"
    version = __version__
    settings: Settings = DEFAULT_SETTINGS

    def __init__(self, tree: ast.Module, filename: str, lines: List[str]) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines

    @classmethod
    def add_options(cls, manager: Any) -> None:
        manager.extend_default_ignore(["RND9"])  # strict mode: `--extend-select RND9` turns it on
        manager.add_option(
            "--secure-random-extend-sensitive-words", default="", parse_from_config=True,
            comma_separated_list=True, help="More words that name secrets (e.g. 'voucher,ticket').",
        )
        manager.add_option(
            "--secure-random-extend-benign-words", default="", parse_from_config=True,
            comma_separated_list=True, help="More words that name harmless values.",
        )
        manager.add_option(
            "--secure-random-min-password-bits", type=float, default=_DEFAULT_BITS, parse_from_config=True,
            help="RND202: least entropy for a password or key from a known alphabet (default 64).",
        )
        manager.add_option(
            "--secure-random-include-tests", action="store_true", default=False, parse_from_config=True,
            help="Also check test files (see `test-paths` in the README), skipped by default.",
        )

    @classmethod
    def parse_options(cls, options: Any) -> None:
        """Settings from `[tool.secure-random]` in the nearest pyproject.toml above the current folder
        (the one configuration every entry point reads), with flake8's own options, when given, on top:
        word lists are added to, the others replace. A configuration that cannot be read is left out
        here (flake8 has no way to report it as one line); `secure-random check` reports it."""
        from pathlib import Path

        from .config import ConfigError, find_pyproject, load, root_folder

        pyproject = root = None
        try:
            pyproject = find_pyproject(Path.cwd())
            root = root_folder(pyproject, Path.cwd())
            base = {k: v for k, v in load(pyproject).items()
                    if k in ("extend_sensitive_words", "extend_benign_words", "include_tests", "min_password_bits",
                             "test_paths")}
        except (ConfigError, OSError) as exc:
            import sys

            print(f"flake8-secure-random: {exc}; [tool.secure-random] left out", file=sys.stderr)
            base = {}
        bits = float(options.secure_random_min_password_bits)
        cls.settings = Settings(
            extend_sensitive_words=tuple(base.get("extend_sensitive_words", ()))
            + tuple(options.secure_random_extend_sensitive_words or ()),
            extend_benign_words=tuple(base.get("extend_benign_words", ())) + tuple(options.secure_random_extend_benign_words or ()),
            include_tests=bool(options.secure_random_include_tests) or bool(base.get("include_tests", False)),
            # flake8 applies `# noqa` itself, and --disable-noqa must show everything.
            honour_noqa=not getattr(options, "disable_noqa", False),
            strict=True,  # RND9xx are in flake8's default ignore list; --extend-select RND9 shows them
            min_password_bits=bits if bits != _DEFAULT_BITS else float(base.get("min_password_bits", _DEFAULT_BITS)),
            test_paths=base.get("test_paths"),
            root=root,
        )

    def run(self) -> Iterator[Tuple[int, int, str, type]]:
        source = "".join(self.lines)
        try:
            findings = find(source, self.settings, path=self.filename, tree=self.tree)
        except RecursionError:  # a pathologically nested file must not stop a team's flake8 run
            return
        for f in findings:
            yield f.line, f.col, f"{f.code} {f.message}", type(self)
