"""The flake8 adapter: flake8 options -> Settings, findings -> flake8's (line, col, text, type) tuples.

Like `secure-random check`, it judges a file that may draw random values with what the other
modules of its project make of them (`across.Demands`, with the cache's project index), unless
`--secure-random-no-cross-module` is given or RND101 and RND102 are not selected.
"""
from __future__ import annotations

import ast
import dataclasses
import multiprocessing
from typing import Any, Iterator, List, Optional, Tuple

from . import __version__
from .across import Demands
from .analysis import find, plan
from .model import DEFAULT_SETTINGS, Settings
from .paths import skipped_test


_DEFAULT_BITS = 64.0


class SecureRandomChecker:
    name = "flake8-secure-random"
    version = __version__
    settings: Settings = DEFAULT_SETTINGS
    # What the other modules of each file's project demand of it, per process (flake8's workers each
    # work a project out at most once); None when it is not wanted (see `parse_options`).
    across: Optional[Demands] = None

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
        manager.add_option(
            "--secure-random-no-cross-module", action="store_true", default=False, parse_from_config=True,
            help="Judge each file alone: do not follow a helper's random value into the other modules of "
            "the project that make it a secret (`secure-random check` does; so does flake8 without this).",
        )

    @classmethod
    def parse_options(cls, options: Any) -> None:
        """Settings from `[tool.secure-random]` in the nearest pyproject.toml above the current folder
        (the one configuration every entry point reads), with flake8's own options, when given, on top:
        word lists are added to, the others replace. A configuration that cannot be read is left out
        here (flake8 has no way to report it as one line); `secure-random check` reports it.

        What other modules demand of a file (`across.Demands`) is worked out here, in flake8's main
        process, before its workers fork and inherit it (a process that did not inherit it, a
        spawned worker, works a project out the first time one of its files needs it). Not for standard
        input (`-`: the text checked may not be the file on disk; `secure-random check -` leaves it
        out too), nor when RND101 and RND102 are both left out or `--secure-random-no-cross-module`
        (`secure-random-no-cross-module = true` in flake8's configuration) is given."""
        from pathlib import Path

        from .config import ConfigError, find_pyproject, load, root_folder

        pyproject = root = None
        try:
            pyproject = find_pyproject(Path.cwd())
            root = root_folder(pyproject, Path.cwd())
            base = {k: v for k, v in load(pyproject).items()
                    if k in ("extend_sensitive_words", "extend_benign_words", "include_tests", "min_password_bits",
                             "test_paths", "exclude", "respect_gitignore")}
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
            # not flake8's files (it has its own --extend-exclude): which files make up the project
            # whose modules are followed, as for `secure-random check`
            exclude=tuple(base.get("exclude", ())),
            respect_gitignore=bool(base.get("respect_gitignore", True)),
        )
        filenames = list(getattr(options, "filenames", None) or ())
        cls.across = None
        if not getattr(options, "secure_random_no_cross_module", False) and "-" not in filenames \
                and _selected(options, ("RND101", "RND102")):
            base_folder = str(pyproject.resolve().parent) if pyproject is not None else None
            cls.across = Demands(filenames, cls.settings, base_folder, pyproject)
            if multiprocessing.parent_process() is None:  # flake8's main process, not a spawned worker
                cls.across.prepare()

    def run(self) -> Iterator[Tuple[int, int, str, type]]:
        source = "".join(self.lines)
        settings = self.settings
        prefiltered = plan(source)
        # only a file that may draw can be demanded anything (most files of a project never import random)
        if self.across is not None and prefiltered.uses_random and not skipped_test(self.filename, settings):
            demands = self.across.of(self.filename)
            if demands:
                settings = dataclasses.replace(settings, demands=demands)
        try:
            findings = find(source, settings, path=self.filename, tree=self.tree, prefiltered=prefiltered)
        except RecursionError:  # a pathologically nested file must not stop a team's flake8 run
            return
        for f in findings:
            yield f.line, f.col, f"{f.code} {f.message}", type(self)


def _selected(options: Any, codes: Tuple[str, ...]) -> bool:
    """Whether flake8 reports any of `codes` in this run (its --select, --ignore and their extend-
    forms; per-file-ignores aside). True when flake8's decision cannot be asked (another version)."""
    try:
        from flake8.style_guide import Decision, DecisionEngine

        engine = DecisionEngine(options)
        return any(engine.decision_for(code) is Decision.Selected for code in codes)
    except Exception:  # noqa: BLE001 - an internal API of flake8: never a reason to fail its run
        return True
