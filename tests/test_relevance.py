"""Walking only the relevant functions (relevance.py) finds exactly what walking every function
finds: the same findings, with the same messages, in strict mode (which also reports every random
call that was not followed to a secret, so a missed flow shows as RND901)."""
from __future__ import annotations

import ast
import importlib.util
import textwrap
from pathlib import Path

import pytest

from flake8_secure_random import analysis
from flake8_secure_random.files import source_lines
from flake8_secure_random.relevance import identifiers
from flake8_secure_random.vocabulary import Vocabulary

# the detection examples of issue 11 (tests are not importable by name under --import-mode=importlib)
_spec = importlib.util.spec_from_file_location("_detection_kinds", Path(__file__).with_name("test_detection_kinds.py"))
_kinds = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(_kinds)  # type: ignore[union-attr]
FLAGGED, QUIET = _kinds.FLAGGED, _kinds.QUIET


def run(src: str, path: str, lazy: bool) -> list:
    tree = ast.parse(src)
    lines = source_lines(src)
    an = analysis._Analysis(tree, Vocabulary(), (), path, "", lines if lazy else None)
    an.strict = True
    an.run()
    return sorted((f.line, f.col, f.code, f.message, f.why) for f in an.findings(lines))


def same(src: str, path: str = "app/accounts.py") -> list:
    src = textwrap.dedent(src).lstrip("\n")
    lazy, full = run(src, path, True), run(src, path, False)
    assert lazy == full
    return lazy


# Ways a value reaches a function whose text names nothing random (each once broke the first version).
CASES = {
    # a helper found only once its caller is walked, eight deep: the passes it waits for are free
    "chain_of_helpers": "import random\n" + "".join(
        f"def g{i}(x):\n    return {'x' if i == 1 else f'g{i - 1}(x)'}\n" for i in range(1, 9)
    ) + "def f():\n    password = g8(random.choice('abc'))\n",
    # a method of a class made inside a function, called by name from elsewhere
    "needed_inside_a_function": """
        import random
        def make_handler(base):
            class Handler(base):
                def encode(self, value):
                    return "v1." + value
            return Handler
        class Session:
            def renew(self):
                self.token = self.encode(random.choice("abcdef"))
        """,
    # a local import in an inner function, shadowing a module-level name of the outer one's text
    "inner_import_shadows": """
        def choice(options):
            return options[0]
        def outer():
            def make_password():
                from random import choice
                return choice("abcdef")
        """,
    # a generator stored on self from a value that a parameter shadows where it is bound
    "attribute_resolved_where_used": """
        import random
        class Tokens:
            def __init__(self, seed=None, random=random):
                self._rng = random.Random(seed)
            def reset_token(self):
                return "%032x" % self._rng.getrandbits(128)
        """,
    # identifiers the parser normalises (NFKC, PEP 3131): decomposed accents, full-width letters
    "decomposed_identifier": "import random\ndef ge\u0301ne\u0301rer():\n    return random.choice('ab')\n"
    "def save(user):\n    user.password = g\u00e9n\u00e9rer()\n",
    "fullwidth_identifier": "import random\ndef make_password():\n    return \uff52\uff41\uff4e\uff44\uff4f\uff4d.choice('ab')\n",
    # a lambda bound in one function, called by name in another
    "lambda_in_a_function": """
        import random
        def gen():
            return random.choice("abcdef")
        def lo():
            tk = lambda v: v
            return tk
        def lc():
            secret = tk(gen())
        """,
    # two sinks reached in different passes: the message names the same one either way
    "which_sink_is_named": """
        import random
        def wrap(x):
            return x
        def gen():
            return random.choice("abcdef")
        def a():
            api_key = wrap(gen())
        def b():
            password = gen()
        """,
    # a class attribute and a method named `random` do not hide the module from the methods
    "method_named_random": """
        import random
        class Voice:
            def random(self, length=6):
                return random.sample(self.choices, length)
            def password(self):
                return "".join(self.random())
        """,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_relevant_functions_find_what_every_function_finds(name):
    found = same(CASES[name])
    assert any(code.startswith("RND1") for _, _, code, _, _ in found), found


@pytest.mark.parametrize("name", sorted(FLAGGED) + sorted(QUIET))
def test_every_detection_example_is_unchanged(name):
    case = FLAGGED.get(name) or QUIET[name]
    same(case[0], case[1])


def test_unrelated_functions_are_not_walked():
    src = "import random\n" + "".join(f"def f{i}(a):\n    return a + {i}\n" for i in range(50)) + (
        "def make_token():\n    return '%x' % random.getrandbits(64)\n"
    )
    tree = ast.parse(src)
    an = analysis._Analysis(tree, Vocabulary(), (), "app/x.py", "", source_lines(src))
    an.run()
    walked = {getattr(fn, "name", None) for fn in an.reads}
    assert walked == {"make_token"}
    assert [f.line for f in an.findings(source_lines(src))] == [103]  # the return of make_token(), after 50 two-line functions


def test_identifiers_are_those_python_sees():
    src = "def f():\n    x = ｒａｎｄｏｍ.choice(s)  # a comment word\n"
    fn = ast.parse(src).body[0]
    assert {"random", "choice", "s", "x"} <= identifiers(src.splitlines(), fn)
    assert {"comment", "word"} <= identifiers(src.replace("ｒａｎｄｏｍ", "random").splitlines(), fn)
