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


# Call shapes injected between the statements of generated programs; every random call in them is
# treated as flagged (the verification mode of benchmarks/verify_fix.py --all-calls).
SHAPES = [
    "token = random.randbytes(16).hex()\n",
    "token = random.getrandbits(128).to_bytes(16, 'big').hex()\n",
    "otp = f'{random.randint(100000, 999999)}-{random.choice(\"ab\")!r:>4}'\n",
    "otp = f'{random.randint(1, 9)=}'\n",
    "pin = random.randint(\n    1000,  # four digits\n    9999,\n) * 2\n",
    "@decorate(random.choice('ab'))\ndef f():\n    def g():\n        return random.random()\n    return g\n",
    "x = 1; key = random.getrandbits(k=64) if x else -random.randint(0, 9)\n",
    "rng = random.Random(7)\nnonce = rng.choice('ab')\n",
    "salt = (random\n        .sample('abcdef', 3))\n",
    "secret = [random.choice(s) for s in ('ab', 'cd') if random.random()]\n",
    "class K:\n    key = random.randrange(10)\n    def m(self, r=random.random()):\n        return r\n",
]


def _forced(findings):
    """Every strict (RND901) finding as the RND1 finding it would be if its value were a secret."""
    import dataclasses

    out = []
    for f in findings:
        if f.code == "RND901" and f.qualname.startswith("random."):
            f = dataclasses.replace(f, code="RND102" if f.qualname == "random.Random" else "RND101")
        out.append(f)
    return out


@SETTINGS
@given(program=hypothesmith.from_grammar(), shapes=st.lists(st.sampled_from(SHAPES), min_size=1, max_size=4),
       data=st.data())
def test_injected_calls_are_rewritten_exactly_or_left_alone(program, shapes, data):
    from flake8_secure_random.fixing.equivalence import problem
    from flake8_secure_random.model import Settings

    assume(_parses(program))
    lines = program.splitlines(keepends=True)
    starts = [0] + [s.lineno - 1 for s in ast.parse(program).body] + [len(lines)]
    for shape in shapes:
        at = data.draw(st.sampled_from(sorted(set(starts))))
        lines[at:at] = [shape]
        starts = [s + 1 if s >= at else s for s in starts]
    source = "import random\ndecorate = lambda v: (lambda f: f)\ns = 'ab'\n" + "".join(lines)
    assume(_parses(source))
    findings = _forced(find(source, Settings(strict=True)))
    result = apply(source, findings)
    assert not (result.error or "").startswith("not rewritten"), result.error  # the fixer's own check caught a bug
    if result.changed:
        spans = {(f.line, f.col_bytes, f.end_line, f.end_col_bytes): _method(f) for f in result.fixed}
        assert problem(source, result.source, spans) is None
    else:
        assert result.source == source


def _method(finding):
    return "Random" if finding.code == "RND102" else finding.qualname.rpartition(".")[2]


def test_every_injected_shape_is_rewritten_or_refused_with_a_reason():
    from flake8_secure_random.fixing.equivalence import problem
    from flake8_secure_random.model import Settings

    source = "import random\ndecorate = lambda v: (lambda f: f)\ns = 'ab'\n" + "".join(SHAPES)
    findings = _forced(find(source, Settings(strict=True)))
    result = apply(source, findings)
    assert result.error is None and len(findings) >= 15 and len(result.fixed) == len(findings) - 2
    spans = {(f.line, f.col_bytes, f.end_line, f.end_col_bytes): _method(f) for f in result.fixed}
    assert problem(source, result.source, spans) is None
    assert sorted({why for _, why in result.unfixed}) == [
        "inside an f-string `=` field, which prints its own text",
        "keyword arguments: SystemRandom().getrandbits() does not take the keywords random.getrandbits() takes",
    ]
