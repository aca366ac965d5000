"""Fuzzing: generated programs with insecure-secret lines spliced in. find() never raises; fix()
output always parses and a second fix changes nothing. FUZZ_EXAMPLES=2000 for a longer run."""
from __future__ import annotations

import ast
import os
import warnings

import hypothesmith
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from flake8_secure_random.analysis import find
from flake8_secure_random.fixing import apply

INSECURE = [
    "import random\npassword = ''.join(random.choice('abc') for _ in range(8))\n",
    "import random as r\ndef make_token():\n    return '%x' % r.getrandbits(64)\n",
    "from random import randint as ri\notp = ri(100000, 999999) * 1\n",
    "import random\n_rng = random.Random(7)\nsession_id = _rng.getrandbits(64)\n",
    "import random, os\nclass Reset:\n    def code(self):\n        self.reset_code = random.sample('0123456789', 6)\n",
]

SETTINGS = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def _parses(source: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(source)
        return True
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False


@SETTINGS
@given(program=hypothesmith.from_grammar(), insert=st.sampled_from(INSECURE), first=st.booleans())
def test_find_and_fix_on_generated_programs(program, insert, first):
    source = insert + program if first else program.rstrip("\\\n") + "\n" + insert
    assume(_parses(source))
    findings = find(source)  # must not raise
    assert all(f.line >= 1 and f.col >= 0 for f in findings)
    result = apply(source, findings)
    assert _parses(result.source)
    if result.changed:
        again = apply(result.source, find(result.source))
        assert again.source == result.source
    else:
        assert result.source == source
