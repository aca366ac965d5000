"""What a file's path says: whether it is test code, and which words describe its module."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import PurePath
from typing import Optional, Sequence, Tuple

from .config import PROJECT_MARKERS
from .model import Settings
from .vocabulary import words

# Folders of test code wherever they are: `tests` (pytest docs, Good Integration Practices), `unittests`.
_TEST_DIRS = frozenset({"tests", "unittests", "unit_tests"})
# Folders of test code unless they are part of a package: CPython's `Lib/test/` and pytest's
# `testing/` are tests, `django/test/` and `numpy/testing/` are libraries that tests import.
_TEST_DIRS_OUTSIDE_PACKAGES = frozenset({"test", "testing"})


def is_test_path(path: str, patterns: Optional[Sequence[str]] = None, root: Optional[str] = None) -> bool:
    """True for test code, which is skipped by default. The path is judged relative to `root`, the
    project's top folder (`config.find_project_root`), or for a file outside it (or without one)
    relative to the file's own project folder (the nearest above it with pyproject.toml, setup.cfg,
    setup.py or .git), so that how it is typed and where the command runs do not matter
    (`tests/../app/x.py`, an absolute path through a folder named `tests` above the project, a run
    from inside `tests/` or from `/`); a file in no project is judged by its whole path.

    Without `patterns`, the built-in rule: a file named `test_*.py`, `*_test.py`, `tests.py` or
    `conftest.py`, or under a folder named `tests`, `unittests` or `unit_tests`, or under a folder
    named `test` or `testing` that is not part of a package (the folder above it has no
    `__init__.py`: `django/test/client.py` is library code, `Lib/test/support.py` is not).

    With `patterns` (the `test-paths` setting), exactly those: gitignore-style patterns (pathspec's
    `GitIgnoreSpec`, gitignore(5)) matched against the relative path.

    >>> is_test_path("pkg/tests/helpers.py"), is_test_path("test_auth.py"), is_test_path("latest.py")
    (True, True, False)
    >>> is_test_path("qa/helpers.py", patterns=["qa/"]), is_test_path("tests/helpers.py", patterns=["qa/"])
    (True, False)
    """
    absolute, relative = _relative(path, root)
    if patterns is not None:
        return _spec(tuple(patterns)).match_file(relative)
    name = relative.rpartition("/")[2]
    if name == "conftest.py" or name.startswith("test_") or name.endswith("_test.py") or name == "tests.py":
        return True
    folders = relative.split("/")[:-1]
    for i, part in enumerate(folders):
        if part in _TEST_DIRS:
            return True
        if part in _TEST_DIRS_OUTSIDE_PACKAGES:
            # the folder above it: parents[0] holds the file; folders[i] is parents[len(folders) - 1 - i]
            if is_test_folder(str(PurePath(absolute).parents[len(folders) - i]), part):
                return True
    return False


def is_test_folder(parent: str, name: str) -> bool:
    """Whether the folder `name` in `parent` makes every file under it test code by the built-in
    rule (`is_test_path` without patterns), when paths are judged from a folder above `parent`:
    `tests`, `unittests`, `unit_tests`, or `test`/`testing` where `parent` is not a package."""
    if name in _TEST_DIRS:
        return True
    return name in _TEST_DIRS_OUTSIDE_PACKAGES and not os.path.isfile(os.path.join(parent, "__init__.py"))


def skipped_test(path: str, settings: Settings) -> bool:
    """Whether `path` is test code that a run with `settings` leaves out (never stdin, `-`):
    `is_test_path` with the settings' `test_paths` and `root`, unless `include_tests`."""
    return path != "-" and not settings.include_tests and is_test_path(path, settings.test_paths, settings.root)


def _relative(path: str, root: Optional[str]) -> Tuple[str, str]:
    """(the absolute path, the path with `/` relative to `root` when inside it, else relative to the
    file's own project folder (the nearest above it with a project marker), else as given, made
    normal: `a/../b` is `b`)."""
    absolute = os.path.abspath(path)
    for base in (root, _own_root(os.path.dirname(absolute))):
        if base is None:
            continue
        relative = below(absolute, base)
        if relative is not None:
            return absolute, relative
        real = os.path.realpath(absolute)  # a folder may be reached through a link
        relative = below(real, base)
        if relative is not None:
            return real, relative
    return absolute, absolute.replace(os.sep, "/").lstrip("/")


def below(path: str, folder: str) -> Optional[str]:
    """The part of the absolute `path` below the absolute `folder`, with `/` between names
    (`/p/app/x.py` below `/p` is `app/x.py`), or None when `path` is not strictly inside it.
    Both as given: no link is resolved.

    >>> below("/p/app/x.py", "/p"), below("/p", "/p"), below("/pp/x.py", "/p")
    ('app/x.py', None, None)
    """
    prefix = folder.rstrip(os.sep) + os.sep
    return path[len(prefix):].replace(os.sep, "/") if path.startswith(prefix) else None


def project_folder(path: str, root: Optional[str]) -> Optional[str]:
    """The top folder of the project a file belongs to: `root` (the configured project's) when the
    file is inside it, else the nearest folder above the file holding a project marker, else None."""
    absolute = os.path.abspath(path)
    if root is not None and below(absolute, root) is not None:
        return root
    return _own_root(os.path.dirname(absolute))


@lru_cache(maxsize=4096)
def _own_root(folder: str) -> Optional[str]:
    """The nearest folder at or above `folder` holding a project marker, or None."""
    if any(os.path.exists(os.path.join(folder, marker)) for marker in PROJECT_MARKERS):
        return folder
    parent = os.path.dirname(folder)
    return None if parent == folder else _own_root(parent)


@lru_cache(maxsize=8)
def _spec(patterns: Tuple[str, ...]):  # type: ignore[no-untyped-def]
    import pathspec  # only when a project sets its own test-paths

    return pathspec.GitIgnoreSpec.from_lines(patterns)


_NOISE = re.compile(r"^(src|lib|site-packages|\.+|[a-z]:)$", re.I)


# Module names too generic to say what the module is about: their package's name says it instead.
_GENERIC_STEMS = frozenset(
    {
        # a package's own files and entry points (Python docs, Packages, __main__)
        "__init__", "__main__", "main", "cli",
        # the helpers and layers every project has
        "core", "base", "common", "utils", "util", "helpers", "tools", "lib", "api",
        # a maker says it makes something, its package says what (`pwgen/generator.py`)
        "generate", "generator", "generators", "gen",
        # a Django app's modules (Django docs, Applications: models.py, views.py, forms.py)
        "models", "model", "views", "forms",
    }
)


def context_words(path: str) -> Tuple[str, ...]:
    """Words of the module's own name (`captcha_text.py` -> captcha, text); for a generic module name
    (`__init__.py`, `utils.py`) the words of its folder. Farther folders are left out: they name the
    project (SaltStack's `salt/` is not about password salts)."""
    p = PurePath(path.replace("\\", "/"))
    if p.stem not in _GENERIC_STEMS:
        return words(p.stem)
    parent = p.parent.name
    return words(parent) if parent and not _NOISE.match(parent) else ()


def package_words(path: str) -> Tuple[str, ...]:
    """Words of the package a module sits in (`mycaptcha/image.py` -> mycaptcha): what it is about,
    when the module's own name only says which part it is. A generic folder (`utils/`, `core/`) says
    which part too, so the folder above it is the package: `common_captcha/utils/random_util.py`."""
    for folder in reversed(PurePath(path.replace("\\", "/")).parent.parts):
        if _NOISE.match(folder) or folder in ("/", "\\"):
            return ()
        if folder not in _GENERIC_STEMS:
            return words(folder)
    return ()


# Folder and module words of fake-data code: a Faker-like package makes stand-in passwords and tokens
# by design (LABELS.md: fake data generators are benign). `example`/`demo`/`sample` are not here:
# examples show real use of a library and are copied into real code.
_FAKE_DATA = frozenset(
    {
        # stand-ins by name
        "fake", "dummy", "mock", "mocks", "stub", "stubs",
        # fake-data libraries: Faker (faker docs) and Mimesis (mimesis docs)
        "faker", "mimesis",
    }
)


def is_fake_data_path(path: str) -> bool:
    """`faker/providers/misc.py`, `fakedata/person.py`, `mock_auth.py`: code that makes fake data.

    >>> is_fake_data_path("fakedata/providers/internet.py"), is_fake_data_path("app/views.py")
    (True, False)
    >>> is_fake_data_path("/home/me/mock-server/src/app/api/views.py")
    False
    """
    p = PurePath(path.replace("\\", "/"))
    # the module and the three folders above it: a package's own names, not the folder a checkout sits in
    # (`/home/me/mock-server/app/views.py` is real code)
    parts = [part for part in p.parts[-4:-1] if not _NOISE.match(part) and part not in ("/", "\\")] + [p.stem]
    return any(
        w in _FAKE_DATA or (len(w) > 4 and w.startswith("fake"))
        for part in parts
        for w in words(part)
    )
