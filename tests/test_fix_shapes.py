"""The fixer on the shapes that broke working programs before (issue 10), each with its exact output,
and the equivalence check that guards every write, each way it must refuse."""
from __future__ import annotations

import ast
import subprocess
import sys
import textwrap

import pytest

from flake8_secure_random.analysis import find
from flake8_secure_random.fixing import apply
from flake8_secure_random.fixing.equivalence import problem


def fix(src: str) -> str:
    return apply(src, find(src)).source


def d(src: str) -> str:
    return textwrap.dedent(src).lstrip("\n")


def reasons(src: str):
    result = apply(src, find(src))
    assert result.source == src and not result.changed
    return [why for _, why in result.unfixed]


# -- exact rewrites: (before, after) -------------------------------------------------------------
EXACT = [
    pytest.param(  # 1: a method chain on the flagged call keeps its chain and arguments
        "import random\ntoken = random.randbytes(16).hex()\n",
        "import secrets\ntoken = secrets.token_bytes(16).hex()\n", id="chain-randbytes-hex"),
    pytest.param(
        "import random\ntoken = random.getrandbits(128).to_bytes(16, 'big').hex()\n",
        "import secrets\ntoken = secrets.randbits(128).to_bytes(16, 'big').hex()\n", id="chain-to-bytes"),
    pytest.param(
        "import random\nwords = ['a', 'b']\npassword = random.choice(words).upper()\n",
        "import secrets\nwords = ['a', 'b']\npassword = secrets.choice(words).upper()\n", id="chain-upper"),
    pytest.param(
        "import random\nALPHA = 'ab'\ntoken = ''.join(random.Random(42).choice(ALPHA) for _ in range(16))\n",
        "import secrets\nALPHA = 'ab'\ntoken = ''.join(secrets.SystemRandom().choice(ALPHA) for _ in range(16))\n",
        id="chain-on-a-seeded-generator"),
    pytest.param(  # 2: a fold that shortens a statement moves no later edit
        "import random\nimport os\nC = 3\notp = random.randint(\n    100000,\n    999999,\n)\nD = 4\n",
        "import os\nimport secrets\nC = 3\notp = secrets.randbelow(900000) + 100000\nD = 4\n", id="multi-line-fold"),
    pytest.param(  # 3: import secrets before its first use
        "import random\ntoken = random.getrandbits(64)\nimport secrets\n",
        "import secrets\ntoken = secrets.randbits(64)\nimport secrets\n", id="later-import-secrets"),
    pytest.param(
        "import random; token = ''.join(random.choice('ab') for _ in range(8))\n",
        "import secrets\ntoken = ''.join(secrets.choice('ab') for _ in range(8))\n", id="import-and-use-on-one-line"),
    pytest.param(  # 11: comments inside a rewritten multi-line call stay
        "import random\npassword = random.choice(  # the alphabet\n    'abc'\n)\n",
        "import secrets\npassword = secrets.choice(  # the alphabet\n    'abc'\n)\n", id="comment-in-call"),
    pytest.param(  # a comment inside randint's arguments: no fold, the same method of SystemRandom
        "import random\notp = random.randint(\n    100000,  # six digits\n    999999,\n)\n",
        "import secrets\notp = secrets.SystemRandom().randint(\n    100000,  # six digits\n    999999,\n)\n",
        id="comment-in-randint"),
    pytest.param(
        "import random\nrng = random.Random(  # seeded for the demo\n    42)\ntoken = rng.getrandbits(64)\n",
        "import secrets\nrng = secrets.SystemRandom(  # seeded for the demo\n    42)\ntoken = rng.getrandbits(64)\n",
        id="comment-in-seed"),
    pytest.param(  # 12: unused imports go, wherever they are
        "import os; import random\ntoken = random.getrandbits(64)\n",
        "import os\nimport secrets\ntoken = secrets.randbits(64)\n", id="semicolon-imports"),
    pytest.param(
        "from random import *\ntoken = getrandbits(64)\n",
        "import secrets\ntoken = secrets.randbits(64)\n", id="star-import"),
    pytest.param(
        "def make():\n    import random\n    token = random.getrandbits(64)\n    return token\n",
        "import secrets\n\n\ndef make():\n    token = secrets.randbits(64)\n    return token\n", id="local-import"),
    pytest.param(
        "import random  # for the tokens\ntoken = random.getrandbits(64)\n",
        "import secrets  # for the tokens\ntoken = secrets.randbits(64)\n", id="import-comment-kept"),
    pytest.param(  # 12: where isort (profile black) puts it
        "from __future__ import annotations\n\nimport random\n\ntoken = random.getrandbits(64)\n",
        "from __future__ import annotations\n\nimport secrets\n\ntoken = secrets.randbits(64)\n", id="isort-after-future"),
    pytest.param(
        "import os\nimport random\nimport sys\nfrom os import path\n\nimport requests\n\ntoken = random.getrandbits(64)\n"
        "roll = random.randint(1, 6)\n",
        "import os\nimport random\nimport secrets\nimport sys\nfrom os import path\n\nimport requests\n\n"
        "token = secrets.randbits(64)\nroll = random.randint(1, 6)\n", id="isort-among-stdlib"),
    pytest.param(
        "from __future__ import annotations\n\nimport requests\n\n\ndef make():\n    from random import getrandbits\n\n"
        "    return getrandbits(64)\n\n\napi_key = make()\n",
        "from __future__ import annotations\n\nimport secrets\n\nimport requests\n\n\ndef make():\n"
        "    return secrets.randbits(64)\n\n\napi_key = make()\n",
        id="isort-own-section"),
    pytest.param(
        "'''Doc.'''\nfrom random import choice, randint\nimport json\n\npassword = choice('ab')\nroll = randint(1, 6)\n",
        "'''Doc.'''\nfrom random import randint\nimport json\nimport secrets\n\npassword = secrets.choice('ab')\n"
        "roll = randint(1, 6)\n", id="from-import-trimmed"),
    pytest.param(  # 7: an import still referenced stays
        "import random\n__all__ = ['random']\ntoken = random.getrandbits(64)\n",
        "import random\nimport secrets\n__all__ = ['random']\ntoken = secrets.randbits(64)\n", id="kept-for-__all__"),
    pytest.param(
        "import random\ndef f(r: 'random.Random') -> None:\n    pass\ntoken = random.getrandbits(64)\n",
        "import random\nimport secrets\ndef f(r: 'random.Random') -> None:\n    pass\ntoken = secrets.randbits(64)\n",
        id="kept-for-a-string-annotation"),
    pytest.param(
        "import random\nx = None  # type: random.Random\ntoken = random.getrandbits(64)\n",
        "import random\nimport secrets\nx = None  # type: random.Random\ntoken = secrets.randbits(64)\n",
        id="kept-for-a-type-comment"),
    pytest.param(  # a star import may bind `secrets`: ours runs after it
        "from .settings import *\nimport random\ntoken = random.getrandbits(64)\n",
        "from .settings import *\nimport secrets\ntoken = secrets.randbits(64)\n", id="after-a-star-import"),
    pytest.param(
        "import os\nimport random\nfrom .settings import *\n\ntoken = random.getrandbits(64)\n",
        "import os\nfrom .settings import *\nimport secrets\n\ntoken = secrets.randbits(64)\n", id="after-a-later-star-import"),
    pytest.param(  # never above the docstring, even when a statement shares its line
        '"""Token helpers."""; import sys\nimport random\ntoken = "".join(random.choice("ab") for _ in range(8))\n',
        '"""Token helpers."""; import sys\nimport secrets\ntoken = "".join(secrets.choice("ab") for _ in range(8))\n',
        id="docstring-shares-a-line"),
    pytest.param(  # removing the import would make the string below it the docstring: kept
        'import random\n"""Tokens."""\nimport secrets\n\ntoken = random.choice("ab")\n',
        'import random\n"""Tokens."""\nimport secrets\n\ntoken = secrets.choice("ab")\n', id="would-make-a-docstring"),
    pytest.param(  # removing line 1 would move the encoding cookie into effect: kept
        'import random\n# -*- coding: latin-1 -*-\nimport os\n\ntoken = random.choice("ab")\n',
        'import random\n# -*- coding: latin-1 -*-\nimport os\nimport secrets\n\ntoken = secrets.choice("ab")\n',
        id="cookie-would-move"),
    pytest.param(  # a pragma comment is not moved off its line
        'import random  # type: ignore\nimport os\n\ntoken = random.choice("ab")\n',
        'import random  # type: ignore\nimport os\nimport secrets\n\ntoken = secrets.choice("ab")\n',
        id="pragma-kept"),
    pytest.param(  # an import in a class body is a class attribute: kept
        'class Tokens:\n    from random import choice\n    token = choice("ab")\n',
        'import secrets\n\n\nclass Tokens:\n    from random import choice\n    token = secrets.choice("ab")\n',
        id="class-body-import"),
    pytest.param(  # identifiers are NFKC-normalised: the fullwidth alias is still used
        "import random as \uff52\uff4e\uff47\ntoken = \uff52\uff4e\uff47.choice('ab')\nroll = \uff52\uff4e\uff47.randint(1, 6)\n",
        "import random as \uff52\uff4e\uff47\nimport secrets\ntoken = secrets.choice('ab')\nroll = \uff52\uff4e\uff47.randint(1, 6)\n",
        id="non-ascii-alias"),
    pytest.param(  # a method named `random` binds in its class, not where the call is
        "import random\nclass Dice:\n    def random(self):\n        return 4\ndef make_token():\n"
        "    return ''.join(random.choice('ab') for _ in range(16))\napi_token = make_token()\n",
        "import secrets\nclass Dice:\n    def random(self):\n        return 4\ndef make_token():\n"
        "    return ''.join(secrets.choice('ab') for _ in range(16))\napi_token = make_token()\n",
        id="method-named-random"),
    pytest.param(  # two statements on one line
        "import random\ntoken = random.choice('ab'); print(len(token))\n",
        "import secrets\ntoken = secrets.choice('ab'); print(len(token))\n", id="statements-sharing-a-line"),
    pytest.param(  # a forward reference inside a string annotation, and code built in an f-string
        "import random\ndef f(r: \"Optional['random.Random']\" = None):\n    pass\ntoken = random.getrandbits(64)\n",
        "import random\nimport secrets\ndef f(r: \"Optional['random.Random']\" = None):\n    pass\n"
        "token = secrets.randbits(64)\n", id="nested-forward-reference"),
    pytest.param(
        "import random\ntoken = random.choice('ab')\nm = 'random'\nx = eval(f'random.{m}()')\n",
        "import random\nimport secrets\ntoken = secrets.choice('ab')\nm = 'random'\nx = eval(f'random.{m}()')\n",
        id="code-in-an-f-string"),
    pytest.param(  # Python ends lines at \n, \r\n and \r only: the form feed on line 1 is not a line of its own
        '\x0c\nimport random\n# -*- coding: latin-1 -*-\nimport os\ntoken = random.choice("ab")\n',
        '\x0c\nimport random\n# -*- coding: latin-1 -*-\nimport os\nimport secrets\ntoken = secrets.choice("ab")\n',
        id="form-feed-before-a-cookie"),
    pytest.param(  # f-strings without `=` are rewritten like any expression
        "import random\notp = f'{random.randint(1000, 9999)}'\n",
        "import secrets\notp = f'{secrets.randbelow(9000) + 1000}'\n", id="f-string"),
    pytest.param(
        "import random\nd = {}\nd['api_key'] = '%x' % random.getrandbits(64) if d else random.choice('ab')\n",
        "import secrets\nd = {}\nd['api_key'] = '%x' % secrets.randbits(64) if d else secrets.choice('ab')\n",
        id="two-in-one-statement"),
]


@pytest.mark.parametrize(("before", "after"), EXACT)
def test_exact_rewrite(before, after):
    assert fix(before) == after
    assert fix(after) == after


# -- left alone, with the reason -------------------------------------------------------------------
REFUSED = [
    pytest.param(  # 4: `secrets` already means something
        "import random\ntry:\n    pass\nexcept ValueError as secrets:\n    pass\ntoken = random.getrandbits(64)\n",
        "the name 'secrets' is already bound (an except clause, line 4)", id="except-as"),
    pytest.param(
        "import random\ndef f():\n    global secrets\n    secrets = 1\ndef g():\n    token = random.getrandbits(64)\n"
        "    return token\n",
        "the name 'secrets' is already bound (a global statement, line 3)", id="global-elsewhere"),
    pytest.param(
        "import random\ndef f(secrets):\n    token = random.getrandbits(64)\n    return token, secrets\n",
        "the name 'secrets' is bound around the call (a parameter, line 2)", id="parameter-around"),
    pytest.param(
        "from helpers import *\nimport random\nprint(secrets)\ntoken = random.getrandbits(64)\n",
        "the name 'secrets' is read where no module-level `import secrets` binds it (a star or conditional import may)",
        id="read-not-imported"),
    pytest.param(
        "import random\nimport sys\nif sys.version_info < (3,):\n    import secrets\ntoken = random.getrandbits(64)\n"
        "print(secrets)\n",
        "the name 'secrets' is read where no module-level `import secrets` binds it (a star or conditional import may)",
        id="conditional-import-secrets"),
    pytest.param(
        "import random\ntoken = random.getrandbits(64)\nfrom settings import *\n",
        "a star import after the first use may bind the name 'secrets' (from settings import *, line 3)",
        id="star-import-after-use"),
    pytest.param(
        "import random\npick = random.choice\npick = min\npassword = pick('ab')\n",
        "'pick' is bound more than once in this module; which one the call reaches is decided at run time",
        id="callee-rebound"),
    pytest.param(
        "import random\nrng = random.Random(7)\nimport copy\nspare = copy.deepcopy(rng)\ntoken = rng.getrandbits(64)\n",
        "its state may be used ('rng' is used other than through its methods, line 4); SystemRandom has none",
        id="generator-passed-on"),
    pytest.param(  # a comprehension's walrus binds in the enclosing scope (PEP 572)
        "import random\n_ = [(random := len) for _ in 'x']\ntoken = random.choice('ab')\n",
        "'random' is bound more than once in this module; which one the call reaches is decided at run time",
        id="walrus-in-comprehension"),
    pytest.param(
        "import random\nrng = random.Random()\nstate = rng.__getstate__()\ntoken = rng.getrandbits(64)\n",
        "its state may be used (rng.__getstate__); SystemRandom has none", id="dunder-state"),
    pytest.param(
        "import copy, random\nclass M:\n    def __init__(self):\n        self._rng = random.Random()\n"
        "    def token(self):\n        return self._rng.getrandbits(64)\nspare = copy.deepcopy(M())\n",
        "its state may be used (its object may be copied or reflected (deepcopy in this module)); SystemRandom has none",
        id="object-copied"),
    pytest.param(  # 6: not equivalent
        "import random\nrng = random.Random(1234)\nstate = rng.getstate()\ntoken = rng.getrandbits(64)\nrng.setstate(state)\n",
        "its state may be used (rng.getstate()); SystemRandom has none", id="state-used"),
    pytest.param(
        "import random\nclass A:\n    def __init__(self):\n        self._rng = random.Random()\n        self._rng.seed(4)\n"
        "    def token(self):\n        return self._rng.getrandbits(64)\n",
        "its state may be used (_rng.seed()); SystemRandom has none", id="seeded-attribute"),
    pytest.param(
        "import random\notp = f'{random.randint(1000, 9999)=}'\n",
        "inside an f-string `=` field, which prints its own text", id="f-string-debug"),
    pytest.param(
        "import random\ntoken = random.getrandbits(k=128)\n",
        "keyword arguments: SystemRandom().getrandbits() does not take the keywords random.getrandbits() takes",
        id="keyword-only-in-target"),
    pytest.param(  # issue 11 kind 6: the partial is the flagged call, not a random call to rewrite
        "import functools, random\ngen = functools.partial(random.getrandbits, 128)\nsession_token = gen()\n",
        "random.getrandbits() is handed to functools.partial(), which calls it; hand it a secrets function "
        "instead, by hand", id="partial"),
]


@pytest.mark.parametrize(("src", "why"), REFUSED)
def test_left_alone_with_the_reason(src, why):
    assert reasons(src) == [why]


def test_match_capture_named_secrets():
    if sys.version_info < (3, 10):
        pytest.skip("match needs 3.10")
    src = "import random\nmatch 1:\n    case secrets:\n        pass\ntoken = random.getrandbits(64)\n"
    assert reasons(src) == ["the name 'secrets' is already bound (a match capture, line 3)"]


def test_type_parameter_named_secrets():
    if sys.version_info < (3, 12):
        pytest.skip("type parameters need 3.12")
    src = "import random\ndef f[secrets]():\n    token = random.getrandbits(64)\n    return token\n"
    assert reasons(src) == ["the name 'secrets' is already bound (a type parameter, line 2)"]


def test_a_secrets_module_beside_the_file_is_an_obstacle():
    src = "import random\ntoken = random.getrandbits(64)\n"
    result = apply(src, find(src), secrets_shadowed="pkg/secrets.py")
    assert result.source == src and result.error is None
    assert [why for _, why in result.unfixed] == [
        "pkg/secrets.py could be imported instead of the standard library's module"]


def test_an_init_module_keeps_its_imports():
    src = "import random\ntoken = random.getrandbits(64)\n"
    assert apply(src, find(src), keep_imports=True).source == "import random\nimport secrets\ntoken = secrets.randbits(64)\n"


# -- 5: positions inside multi-line f-strings (wrong in 3.9's ast) -----------------------------------
def test_multi_line_f_string_touches_only_the_flagged_call():
    # 3.9's ast gives nodes inside a multi-line f-string wrong positions: the span check refuses
    # there; 3.10+ rewrite exactly. The unflagged call is never touched.
    src = 'import random\nx = 1\nlog = f"""\n{random.random()}"""\ntoken = f"""\n{x}{random.choice("ab")}\n"""\n'
    result = apply(src, find(src))
    if sys.version_info < (3, 10):
        assert result.source == src
        assert [why for _, why in result.unfixed] == [
            "its position is not exact on this Python (a multi-line f-string before 3.12?); rewrite it by hand"]
    else:
        assert result.source == src.replace('random.choice("ab")', 'secrets.choice("ab")').replace(
            "import random\n", "import random\nimport secrets\n")


# -- the check itself: each way a result can be wrong -------------------------------------------------
OLD = "import random\nimport os\ntoken = random.getrandbits(64)  # weak\nC = 3\n"
SPAN = {(3, 8, 3, 30): "getrandbits"}


@pytest.mark.parametrize(
    ("new", "why"),
    [
        ("import os\nimport secrets\ntoken = secrets.randbits(64)  # weak\nC = 3\n", None),
        ("import os\nimport secrets\ntoken = secrets.randbits(64)  # weak\n", "the result would differ outside the flagged calls"),
        ("import os\nimport secrets\ntoken = secrets.randbits(32)  # weak\nC = 3\n", "the result would differ outside the flagged calls"),
        ("import os\nimport secrets\ntoken = secrets.choice(64)  # weak\nC = 3\n", "the result would differ outside the flagged calls"),
        ("import os\nimport secrets\ntoken = secrets.randbits(64)\nC = 3\n", "a comment would be lost or changed"),
        ("import os\ntoken = secrets.randbits(64)  # weak\nimport secrets\nC = 3\n", "'secrets' is used on line 2 before it is imported"),
        ("import os\nimport secrets\ntoken = secrets.randbits(64  # weak\nC = 3\n", "the result does not parse"),
        ("import os\nimport secrets\nsecrets = 1\ntoken = secrets.randbits(64)  # weak\nC = 3\n",
         "the name 'secrets' is already bound (an assignment, line 3)"),
        ("import os\nimport secrets\nfrom conf import *\ntoken = secrets.randbits(64)  # weak\nC = 3\n",
         "a star import after `import secrets` may rebind it (from conf import *, line 3)"),
    ],
)
def test_the_check_accepts_exactly_the_equivalent_result(new, why):
    found = problem(OLD, new, SPAN)
    assert (found is None) if why is None else found.startswith(why), found


def test_the_check_sees_an_import_removed_while_still_used():
    old = "import random\ntoken = random.getrandbits(64)\nroll = random.randint(1, 6)\n"
    new = "import secrets\ntoken = secrets.randbits(64)\nroll = random.randint(1, 6)\n"
    assert problem(old, new, {(2, 8, 2, 30): "getrandbits"}) == (
        "the import of random would be removed while 'random' is still used")


def test_the_check_sees_an_unflagged_call_rewritten():
    old = "import random\ntoken = random.getrandbits(64)\nroll = random.randint(1, 6)\n"
    new = "import random\nimport secrets\ntoken = secrets.randbits(64)\nroll = secrets.randbelow(6) + 1\n"
    assert problem(old, new, {(2, 8, 2, 30): "getrandbits"}).startswith("the result would differ")


def test_the_check_knows_the_documented_arithmetic():
    old = "import random\npin = random.randint(0, 9) + random.randint(1, 6) * random.randrange(10)\n"
    new = "import secrets\npin = secrets.randbelow(10) + (secrets.randbelow(6) + 1) * secrets.randbelow(10)\n"
    spans = {(2, 6, 2, 26): "randint", (2, 29, 2, 49): "randint", (2, 52, 2, 72): "randrange"}
    assert problem(old, new, spans) is None
    wrong = new.replace("randbelow(6) + 1", "randbelow(6) + 2")
    assert problem(old, wrong, spans).startswith("the result would differ")


# -- the result is what isort would write ------------------------------------------------------------
ISORTED = [
    "import random\n\ntoken = random.getrandbits(64)\n",
    "import os\nimport random\nimport sys\n\ntoken = random.getrandbits(64)\nroll = random.randint(1, 6)\n",
    "from __future__ import annotations\n\nimport random\n\nimport requests\n\ntoken = random.getrandbits(64)\n",
    "import json\nfrom random import choice\n\npassword = choice('ab')\n",
    "from __future__ import annotations\n\nimport requests\nfrom random import getrandbits\n\ntoken = getrandbits(64)\n",
    '"""Doc."""\n\nimport requests\n\nfrom .app import db\n\n\ndef f():\n    return random.getrandbits(64)\n\n\n'
    "import random\n\napi_key = f()\n",
    "def make_token():\n    import random\n\n    return random.getrandbits(64)\n",
    "token = __import__('os').urandom(4)\nimport random\n\napi_key = random.getrandbits(64)\n",
]


@pytest.mark.parametrize("src", ISORTED)
def test_isort_has_nothing_to_change_after_a_fix(src, tmp_path):
    isort = pytest.importorskip("isort")
    if isort.code(src, profile="black") != src:
        pytest.skip("the input is not isort-clean")
    out = fix(src)
    assert out != src
    assert isort.code(out, profile="black") == out


def test_fixed_examples_run_like_the_originals(tmp_path):
    """A few of the shapes above, run before and after: the same output and the same exception."""
    program = d(
        """
        import random
        words = ['alpha', 'beta']
        token = random.randbytes(16).hex()
        password = random.choice(words).upper() + str(random.randint(
            10,  # two digits
            99,
        ))
        try:
            random.getrandbits(-1)
        except ValueError as exc:
            kind = type(exc).__name__
        api_key = f"{random.getrandbits(64):016x}"
        print(len(token), password.rstrip("0123456789") in ("ALPHA", "BETA"), kind, len(api_key))
        """
    )
    out = fix(program)
    assert out != program
    runs = []
    for text in (program, out):
        path = tmp_path / "p.py"
        path.write_text(text)
        runs.append(subprocess.run([sys.executable, str(path)], capture_output=True, text=True).stdout)
    assert runs[0] == runs[1] == "32 True ValueError 16\n"
    assert "getrandbits(-1)" in out  # unflagged: left alone
    ast.parse(out)


# -- the README's diffs are what the fixer writes ----------------------------------------------------
def _readme_fix_diffs():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Fixing"):readme.index("### Unsafe fixes")]
    blocks = section.split("```diff\n")[1:]
    return [block.split("```")[0] for block in blocks]


@pytest.mark.parametrize("diff", _readme_fix_diffs())
def test_readme_fix_diffs_are_exact(diff):
    lines = diff.splitlines()
    before = "".join(line[1:] + "\n" for line in lines if line[:1] in ("-", " "))
    after = "".join(line[1:] + "\n" for line in lines if line[:1] in ("+", " "))
    if "import" not in before:
        before, after = "import random\nalphabet = 'ab'\n" + before, "import secrets\nalphabet = 'ab'\n" + after
    assert fix(before) == after


def test_the_readme_has_fix_diffs():
    assert len(_readme_fix_diffs()) >= 8


def test_a_secrets_or_random_module_up_to_the_project_root_is_found(tmp_path, monkeypatch):
    from flake8_secure_random.fixing import file_context

    monkeypatch.chdir(tmp_path)
    project = tmp_path / "proj"
    (project / "app").mkdir(parents=True)
    (project / "pyproject.toml").write_text("")
    util = project / "app" / "util.py"
    util.write_text("")
    assert file_context(str(util)) == {"secrets_shadowed": None, "keep_imports": False}
    (project / "secrets.py").write_text("API_KEY = 'x'\n")
    assert file_context(str(util))["secrets_shadowed"] == str(project / "secrets.py")
    (project / "secrets.py").unlink()
    (project / "app" / "random.py").write_text("")
    assert file_context(str(util))["secrets_shadowed"] == str(project / "app" / "random.py")
    (project / "app" / "random.py").unlink()
    (tmp_path / "secrets.py").write_text("")  # above the project root, but the current folder
    assert file_context(str(util))["secrets_shadowed"] == str(tmp_path / "secrets.py")
    monkeypatch.chdir(project)  # above the project root and not the current folder: not on its path
    assert file_context(str(util))["secrets_shadowed"] is None


def test_the_check_sees_a_docstring_and_a_cookie_change():
    old = '"""Doc."""; import os\nimport random\ntoken = random.getrandbits(64)\n'
    moved = 'import secrets\n"""Doc."""; import os\ntoken = secrets.randbits(64)\n'
    assert problem(old, moved, {(3, 8, 3, 30): "getrandbits"}) == "a docstring would change"
    old = "import random\n# coding: latin-1\ntoken = random.getrandbits(64)\n"
    new = "# coding: latin-1\nimport secrets\ntoken = secrets.randbits(64)\n"
    assert problem(old, new, {(3, 8, 3, 30): "getrandbits"}).startswith("the encoding cookie")


def test_the_check_sees_a_star_import_that_could_rebind_secrets():
    old = "from conf import *\nimport random\ntoken = random.getrandbits(64)\n"
    new = "import secrets\nfrom conf import *\ntoken = secrets.randbits(64)\n"
    assert problem(old, new, {(3, 8, 3, 30): "getrandbits"}) == (
        "a star import after `import secrets` may rebind it (from conf import *, line 2)")
    assert problem(old, "from conf import *\nimport secrets\ntoken = secrets.randbits(64)\n", {(3, 8, 3, 30): "getrandbits"}) is None


def test_a_debug_f_string_comparison_is_listed_not_a_failure():
    src = "import secrets\ndef check(request, client):\n    print(f'{request.api_token == client.api_token=}')\n"
    result = apply(src, find(src), unsafe=True)
    assert result.source == src and result.error is None
    assert [why for _, why in result.unfixed] == ["inside an f-string `=` field, which prints its own text"]


@pytest.mark.parametrize(
    ("old", "new", "spans", "why"),
    [
        pytest.param("import os\nprint(os.sep)\n", "import os\nimport random as os\nprint(os.sep)\n", {},
                     "an import of random or secrets that was not there would be added", id="import-shadows"),
        pytest.param("import random\nx = random.random()\n", "x = random.random()\nimport random\n", {},
                     "the result would differ", id="import-moved-after-use"),
        pytest.param("from __future__ import annotations\nimport random\nt = random.getrandbits(8)\n",
                     "import secrets\nfrom __future__ import annotations\nt = secrets.randbits(8)\n", {(3, 4, 3, 24): "getrandbits"},
                     "a `from __future__` import would no longer open the module", id="before-future"),
        pytest.param("import random\nt = random.randrange(6)\n", "import secrets\nt = secrets.SystemRandom().below(6)\n",
                     {(2, 4, 2, 22): "randrange"}, "the result would differ", id="not-a-method"),
        pytest.param("def __rnd__choice(x):\n    return 'mine'\nprint(__rnd__choice('ab'))\n",
                     "import secrets\ndef __rnd__choice(x):\n    return 'mine'\nprint(secrets.choice('ab'))\n",
                     {}, "the result would differ", id="canonical-names-cannot-collide"),
        pytest.param("import random\nt = random.randbytes(None)\n", "import secrets\nt = secrets.token_bytes(None)\n",
                     {(2, 4, 2, 26): "randbytes"}, "the result would differ", id="token-bytes-of-none"),
        pytest.param("import random\nt = random.getrandbits(k=8)\n", "import secrets\nt = secrets.randbits(k=8)\n",
                     {(2, 4, 2, 27): "getrandbits"}, "the result would differ", id="keywords-the-c-function-refuses"),
        pytest.param("import random\nrandom.seed(5)\n", "import secrets\nsecrets.SystemRandom().seed(5)\n",
                     {(2, 0, 2, 14): "seed"}, "the result would differ", id="state-method"),
        pytest.param("a, b = 1, 2\nprint(a < b)\n", "import secrets\na, b = 1, 2\nprint(secrets.compare_digest(a, b))\n",
                     {(2, 6, 2, 11): "=="}, "the result would differ", id="label-does-not-match-the-operator"),
    ],
)
def test_the_check_refuses_wrong_results(old, new, spans, why):
    found = problem(old, new, spans)
    assert (found is None) if why is None else (found or "").startswith(why), found


def test_the_idiomatic_spellings_are_system_random_methods():
    # rewrites.rewrite relies on this: its keyword check compares SystemRandom's methods only.
    import random
    import secrets

    assert secrets.choice.__func__ is random.SystemRandom.choice
    assert secrets.randbits.__func__ is random.SystemRandom.getrandbits
