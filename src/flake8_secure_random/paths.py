"""What a file's path says: whether it is test code, and which words describe its module."""
from __future__ import annotations

import re
from pathlib import PurePath
from typing import Tuple

from .vocabulary import words

# Folders of test code: `test`/`tests` (pytest docs, Good Integration Practices), `testing`, `unittests`.
_TEST_DIRS = frozenset({"test", "tests", "testing", "unittests", "unit_tests"})


def is_test_path(path: str) -> bool:
    """`tests/…`, `test_*.py`, `*_test.py`, `conftest.py`: test code, skipped by default.

    >>> is_test_path("pkg/tests/helpers.py"), is_test_path("test_auth.py"), is_test_path("latest.py")
    (True, True, False)
    """
    p = PurePath(path.replace("\\", "/"))
    name = p.name
    if name == "conftest.py" or name.startswith("test_") or name.endswith("_test.py") or name == "tests.py":
        return True
    return any(part in _TEST_DIRS for part in p.parts[:-1])


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
