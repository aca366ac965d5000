"""The core over every module of the installed standard library: no exception, and a sane result."""
from __future__ import annotations

import ast
import sysconfig
import warnings
from pathlib import Path

from flake8_secure_random.analysis import find, needs_analysis
from flake8_secure_random.files import SourceError, read_source
from flake8_secure_random.model import Settings


def test_find_never_raises_on_the_stdlib():
    root = Path(sysconfig.get_paths()["stdlib"])
    settings = Settings(include_tests=True)
    analysed = findings = 0
    for path in sorted(root.rglob("*.py")):
        if "site-packages" in path.parts:
            continue
        try:
            text = read_source(str(path))
            if not needs_analysis(text):
                assert find(text, settings, path=str(path)) == []
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(text)
        except (SourceError, SyntaxError, ValueError):
            continue  # the stdlib's own test data includes files that are broken on purpose
        analysed += 1
        findings += len(find(text, settings, path=str(path), tree=tree))
    assert analysed > 50  # random, secrets' neighbours, tempfile, email, the tests...
    assert findings < analysed  # the stdlib makes few secrets with random
