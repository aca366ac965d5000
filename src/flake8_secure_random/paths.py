"""What a file's path says: whether it is test code, and which words describe its module."""
from __future__ import annotations

import re
from pathlib import PurePath
from typing import Tuple

from .vocabulary import words

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


def context_words(path: str) -> Tuple[str, ...]:
    """Words of the module's own name and its two nearest folders (`captcha/utils.py` -> captcha, utils)."""
    p = PurePath(path.replace("\\", "/"))
    parts = [p.stem] + [d for d in reversed(p.parts[:-1]) if not _NOISE.match(d)][:2]
    out: list = []
    for part in parts:
        if part != "__init__":
            out.extend(words(part))
    return tuple(out)
