"""The values passed between the core and its front-ends: settings in, findings out."""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Optional, Tuple


@dataclass(frozen=True)
class Settings:
    """Everything the core may depend on; each front-end builds one (flake8 options, CLI, pyproject)."""

    extend_sensitive_words: Tuple[str, ...] = ()
    extend_benign_words: Tuple[str, ...] = ()
    include_tests: bool = False
    # Honour plain `# noqa` / `# noqa: RND...` comments (flake8 applies its own and has --disable-noqa).
    honour_noqa: bool = True
    # Glob patterns of paths the command line does not check (flake8 has its own --extend-exclude),
    # and that are no part of a project whose modules are followed (`across`, the flake8 plugin too).
    exclude: Tuple[str, ...] = ()
    # Skip what git ignores when walking a folder: the command line's, and a project's (`across`).
    respect_gitignore: bool = True
    # Gitignore-style patterns of test files, relative to `root`; None: the built-in rule
    # (`paths.is_test_path`).
    test_paths: Optional[Tuple[str, ...]] = None
    # The project's top folder, a real path (`config.find_project_root`): test paths are judged
    # relative to it, so that how a path is typed does not matter. None: each file's own project
    # folder (`paths.is_test_path`).
    root: Optional[str] = None
    # Also report every other non-cryptographic random call (RND9xx), as bandit's B311 does.
    strict: bool = False
    # RND202: passwords and keys from a known alphabet need at least this much entropy.
    min_password_bits: float = 64.0
    # The fixer may also apply the fixes that can change behaviour (RND301's compare_digest).
    unsafe_fixes: bool = False
    # Facts from the other modules of the project, for the one file checked (`project.demands_for`):
    # the draws of this module whose value becomes a secret elsewhere. Empty for a file on its own.
    demands: Tuple["Demand", ...] = ()


DEFAULT_SETTINGS = Settings()


@dataclass(frozen=True)
class Demand:
    """A random call of one module whose value another module of the project makes a secret
    (`project.demands_for`): `token = rand_str(32)` in `views.py` demands the draw in `utils.py`."""

    line: int  # the call, where ast puts it (line, UTF-8 byte column)
    col: int
    secret: str  # the name that makes it a secret there: "api_token"
    where: str  # that module's path as findings' paths are shown (from the working folder when below
    # it, else from the project's top folder), and the line: "accounts/views.py:6"
    via: str  # the function of the call's module whose result carries it: "rand_str()"
    how: str  # what happens to that result there: "is assigned to 'api_token' on line 6"


# `Source.kind` of a label that stands for what another module's function returns (`project`): the
# analysis follows it like a draw; it is never reported where it is followed, only where it is drawn.
IMPORTED = "imported"


@dataclass(frozen=True)
class Source:
    """A call that produces a non-cryptographic random value (or creates / seeds such a generator).

    `kind` is one of: "function" (`random.choice(...)`), "generator" (`random.Random(...)`, the call
    that creates an instance), "seed" (`random.seed(...)`), "numpy" (`numpy.random.*`).
    """

    node: ast.Call = field(compare=False, hash=False, repr=False)
    kind: str
    qualname: str  # "random.choice", "random.Random", "numpy.random.randint"
    line: int
    col: int  # UTF-8 byte offset, as ast reports it
    end_line: int
    end_col: int

    @classmethod
    def at(cls, node: ast.Call, kind: str, qualname: str) -> "Source":
        return cls(
            node, kind, qualname, node.lineno, node.col_offset,
            node.end_lineno or node.lineno, node.end_col_offset or node.col_offset,
        )

    @property
    def method(self) -> str:
        return self.qualname.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Finding:
    """One reported problem, anchored at the call to fix. Columns are 0-based character offsets."""

    code: str
    line: int
    col: int
    end_line: int
    end_col: int
    message: str  # "random.choice() builds 'password'; use secrets.choice()"
    why: str  # the path from source to secret, for humans
    qualname: str  # the flagged callee, e.g. "random.choice"
    secret: str  # the name that made the value a secret, e.g. "password"
    col_bytes: int = field(default=0, compare=False)  # ast's UTF-8 offsets of the call, for the fixer
    end_col_bytes: int = field(default=0, compare=False)

    def sort_key(self) -> tuple:
        return (self.line, self.col, self.code)


def imported_label(qualname: str) -> Source:
    """The `IMPORTED` label standing for what another module's function returns: `qualname` is
    `"path/of/module.py::name"`, with `#i/n` for item i of the n-tuples it returns."""
    return Source(None, IMPORTED, qualname, 0, 0, 0, 0)  # type: ignore[arg-type]
