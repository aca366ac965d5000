"""The fixer: every rewrite exact, every other byte kept, imports handled, and the rules' fixed outputs."""
from __future__ import annotations

import ast
import textwrap

import pytest

from flake8_secure_random.fixing import engine, rewrites
from flake8_secure_random.analysis import find
from flake8_secure_random.fixing import apply
from flake8_secure_random.model import Finding
from flake8_secure_random.rules import RULES


def fix(src: str) -> str:
    return apply(src, find(src)).source


def d(src: str) -> str:
    return textwrap.dedent(src).lstrip("\n")


# -- the rules table: fixed outputs are exact, stable, and clean -------------------------------
BAD = [pytest.param(rule, ex, id=f"{rule.code}-{ex.title}") for rule in RULES for ex in rule.bad]
OK = [pytest.param(rule, ex, id=f"{rule.code}-{ex.title}") for rule in RULES for ex in rule.ok]


@pytest.mark.parametrize(("rule", "example"), BAD)
def test_fix_of_a_bad_example_is_its_stated_output(rule, example):
    expected = example.fixed_code if example.fixed is not None else example.code
    assert fix(example.code) == expected
    assert fix(expected) == expected
    assert rule.code not in {f.code for f in find(expected)} or example.fixed is None


@pytest.mark.parametrize(("rule", "example"), OK)
def test_fix_leaves_ok_examples_alone(rule, example):
    assert fix(example.code) == example.code


UNSAFE = [pytest.param(rule, ex, id=f"{rule.code}-{ex.title}") for rule in RULES for ex in rule.bad if ex.unsafe_fixed]


@pytest.mark.parametrize(("rule", "example"), UNSAFE)
def test_unsafe_fix_of_a_bad_example_is_its_stated_output(rule, example):
    expected = example.unsafe_fixed_code
    assert apply(example.code, find(example.code), unsafe=True).source == expected
    assert rule.code not in {f.code for f in find(expected)}
    assert apply(expected, find(expected), unsafe=True).source == expected


@pytest.mark.parametrize(("rule", "example"), OK)
def test_unsafe_fix_leaves_ok_examples_alone(rule, example):
    assert apply(example.code, find(example.code), unsafe=True).source == example.code


def test_every_rule_marked_unsafe_has_an_unsafe_example():
    for rule in RULES:
        assert rule.fix.startswith("unsafe") == any(ex.unsafe_fixed for ex in rule.bad), rule.code


# -- one rewrite at a time -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("token = random.choice(chars)", "token = secrets.choice(chars)"),
        ("token = random.getrandbits(64)", "token = secrets.randbits(64)"),
        ("token = random.randrange(10)", "token = secrets.randbelow(10)"),
        ("token = random.randrange(0x10)", "token = secrets.randbelow(0x10)"),
        ("token = random.randrange(n)", "token = secrets.SystemRandom().randrange(n)"),
        ("token = random.randrange(1, 10)", "token = secrets.SystemRandom().randrange(1, 10)"),
        ("token = random.randrange(10.0)", "token = secrets.SystemRandom().randrange(10.0)"),
        ("token = random.randbytes(16)", "token = secrets.token_bytes(16)"),
        ("token = random.randbytes(n)", "token = secrets.SystemRandom().randbytes(n)"),
        ("token = random.randint(100000, 999999)", "token = secrets.randbelow(900000) + 100000"),
        ("token = random.randint(0, 9)", "token = secrets.randbelow(10)"),
        ("token = random.randint(1, n)", "token = secrets.SystemRandom().randint(1, n)"),
        ("token = random.randint(9, 1)", "token = secrets.SystemRandom().randint(9, 1)"),
        ("token = random.random()", "token = secrets.SystemRandom().random()"),
        ("token = random.sample(chars, 8)", "token = secrets.SystemRandom().sample(chars, 8)"),
        ("token = random.choices(chars, k=8)", "token = secrets.SystemRandom().choices(chars, k=8)"),
        ("token = str(random.uniform(0, 1))", "token = str(secrets.SystemRandom().uniform(0, 1))"),
        ("token = random.choice( chars )  # keep", "token = secrets.choice( chars )  # keep"),
    ],
)
def test_rewrites(before, after):
    src = f"import random\nimport secrets\nchars = 'abc'\nn = 5\n{before}\nroll = random.randint(1, 6)\n"
    assert fix(src) == src.replace(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("pin = random.randint(1, 9) * 2", "pin = (secrets.randbelow(9) + 1) * 2"),
        ("pin = 2 - random.randint(1, 9)", "pin = 2 - (secrets.randbelow(9) + 1)"),
        ("pin = -random.randint(1, 9)", "pin = -(secrets.randbelow(9) + 1)"),
        ("pin = str(random.randint(1, 9))", "pin = str(secrets.randbelow(9) + 1)"),
        ("pin = (random.randint(1, 9))", "pin = (secrets.randbelow(9) + 1)"),
        ("pin = random.randint(1, 9) ** 2", "pin = (secrets.randbelow(9) + 1) ** 2"),
        ("pin = f'{random.randint(1, 9)}'", "pin = f'{secrets.randbelow(9) + 1}'"),
        ("pin = [random.randint(1, 9)]", "pin = [secrets.randbelow(9) + 1]"),
        ("pin = str(random.randint(1, 9) > 3)", "pin = str(secrets.randbelow(9) + 1 > 3)"),
        ("pin = random.randint(0, 9) * 2", "pin = secrets.randbelow(10) * 2"),
    ],
)
def test_randint_fold_is_parenthesised_where_precedence_needs_it(before, after):
    src = f"import random\nimport secrets\n{before}\nroll = random.randint(1, 6)\n"
    assert fix(src) == src.replace(before, after)
    namespace = {}
    exec(compile(after.replace("secrets.randbelow", "_below"), "<fixed>", "exec"), {"_below": lambda n: n - 1}, namespace)
    exec(compile(before.replace("random.randint", "_int"), "<before>", "exec"), {"_int": lambda a, b: b}, namespace2 := {})
    assert namespace["pin"] == namespace2["pin"]  # the same value, given the same draw


def test_aliases_and_from_imports_are_resolved():
    assert fix(d(
        """
        from random import choice as pick, randint
        import random as r
        password = pick('abc') + str(r.getrandbits(8))
        roll = randint(1, 6)
        """
    )) == d(
        """
        from random import randint
        import secrets
        password = secrets.choice('abc') + str(secrets.randbits(8))
        roll = randint(1, 6)
        """
    )


def test_generator_with_a_seed_that_has_side_effects_keeps_it():
    src = "import random\nimport itertools\nc = itertools.count()\nrng = random.Random(next(c))\ntoken = rng.getrandbits(64)\n"
    assert fix(src) == src.replace("import random\nimport itertools\n", "import itertools\nimport secrets\n").replace(
        "random.Random(", "secrets.SystemRandom(")


# -- imports --------------------------------------------------------------------------------------
def test_import_random_kept_while_used_and_secrets_added_after_the_imports():
    assert fix(d(
        '''
        """Doc."""
        from __future__ import annotations

        import os
        import random

        token = random.getrandbits(64)
        roll = random.randint(1, 6)
        '''
    )) == d(
        '''
        """Doc."""
        from __future__ import annotations

        import os
        import random
        import secrets

        token = secrets.randbits(64)
        roll = random.randint(1, 6)
        '''
    )


def test_comments_above_a_removed_import_stay():
    src = "import os\n# randomness\nimport random\nimport secrets\n\ntoken = random.getrandbits(64)\n"
    assert fix(src) == "import os\n# randomness\nimport secrets\n\ntoken = secrets.randbits(64)\n"


def test_existing_import_secrets_is_reused():
    src = "import secrets\nimport random\ntoken = random.getrandbits(64)\n"
    assert fix(src) == "import secrets\ntoken = secrets.randbits(64)\n"


def test_import_random_in_a_multi_name_statement():
    src = "import os, random\ntoken = random.getrandbits(64)\n"
    assert fix(src) == "import os\nimport secrets\ntoken = secrets.randbits(64)\n"


def test_a_parameter_called_secrets_elsewhere_is_no_obstacle():
    src = "import random\ndef load(secrets):\n    return secrets\ntoken = random.getrandbits(64)\n"
    assert fix(src) == "import secrets\ndef load(secrets):\n    return secrets\ntoken = secrets.randbits(64)\n"
    inside = "import random\ndef load(secrets):\n    token = random.getrandbits(64)\n    return token, secrets\n"
    assert fix(inside) == inside


def test_a_name_secrets_taken_leaves_the_file_alone():
    src = "import random\nsecrets = {}\ntoken = random.getrandbits(64)\n"
    result = apply(src, find(src))
    assert result.source == src and not result.changed and result.error is None
    assert [why for _, why in result.unfixed] == ["the name 'secrets' is already bound (an assignment, line 2)"]


# -- bytes that must not move -----------------------------------------------------------------------
def test_crlf_tabs_and_comments_are_kept():
    src = "import random\r\n\r\ndef f():\r\n\ttoken = random.getrandbits(64)  # weak\r\n\treturn token\r\n"
    assert fix(src) == src.replace("import random", "import secrets").replace("random.getrandbits", "secrets.randbits")


def test_non_ascii_before_the_call():
    src = "import random\npassword = 'é' + random.choice('ab')\n"
    assert fix(src) == "import secrets\npassword = 'é' + secrets.choice('ab')\n"


def test_unfixable_findings_are_listed_not_rewritten():
    src = "import random, time\ndef reset_code():\n    random.seed(time.time())\n    return random.getstate()\n"
    src2 = "import numpy as np\npin = np.random.randint(0, 9999)\n"
    result = apply(src2, find(src2))
    assert result.source == src2 and [f.code for f, _ in result.unfixed] == ["RND104"]
    assert fix(src) == src


def test_a_wrong_rewrite_is_caught_by_the_check_and_nothing_is_written(monkeypatch):
    src = "import random\ntoken = random.getrandbits(64)\nC = 3\n"
    real = rewrites.rewrite

    def broken(*args, **kwargs):
        done = real(*args, **kwargs)
        done.edit = done.edit._replace(end=done.edit.end + 4, new=done.edit.new + "(32)")  # not the same call
        return done

    monkeypatch.setattr(engine, "rewrite", broken)
    result = apply(src, find(src))
    assert result.source == src and not result.changed
    assert result.error.startswith("not rewritten: the result would differ outside the flagged calls")


def test_nothing_flagged_means_no_parse(monkeypatch):
    monkeypatch.setattr(engine, "parse", None)  # would raise if called
    src = "import random\nroll = random.randint(1, 6)\n"
    assert apply(src, find(src)).source == src


# -- unsafe fixes: RND301's compare_digest ------------------------------------------------------------
def unsafe_fix(src: str) -> str:
    return apply(src, find(src), unsafe=True).source


HEAD = "import secrets\ndef check(request, client, stored_password_hash):\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("return request.api_token == client.api_token", "return secrets.compare_digest(request.api_token, client.api_token)"),
        ("return request.api_token != client.api_token", "return not secrets.compare_digest(request.api_token, client.api_token)"),
        ("return (request.api_token == client.api_token)", "return (secrets.compare_digest(request.api_token, client.api_token))"),
        ("return x or request.api_token != client.api_token", "return x or not secrets.compare_digest(request.api_token, client.api_token)"),
        ("return f(request.api_token != client.api_token)", "return f(not secrets.compare_digest(request.api_token, client.api_token))"),
        ("return 1 if request.api_token != client.api_token else 2",
         "return 1 if not secrets.compare_digest(request.api_token, client.api_token) else 2"),
        ("return not request.api_token != client.api_token", "return not not secrets.compare_digest(request.api_token, client.api_token)"),
        ("return -(request.api_token != client.api_token)", "return -(not secrets.compare_digest(request.api_token, client.api_token))"),
        ("return request.api_token==client.api_token  # keep", "return secrets.compare_digest(request.api_token, client.api_token)  # keep"),
        ("return password_hash(request.password) == stored_password_hash",
         "return secrets.compare_digest(password_hash(request.password), stored_password_hash)"),
    ],
)
def test_compare_digest_rewrites(before, after):
    src = f"{HEAD}    x = f = None\n    {before}\n"
    assert unsafe_fix(src) == src.replace(before, after)
    assert fix(src) == src  # not without unsafe fixes


@pytest.mark.parametrize("op", ["==", "!="])
@pytest.mark.parametrize(("a", "b"), [("abc", "abc"), ("abc", "abd"), (b"\x00\xff", b"\x00\xff"), (b"k", b"")])
def test_compare_digest_rewrite_gives_the_same_answer_for_ascii_and_bytes(op, a, b):
    src = f"{HEAD}    return request.api_token {op} client.api_token\n"
    fixed = unsafe_fix(src)
    assert "compare_digest" in fixed
    request = type("R", (), {"api_token": a})
    before, after = {}, {}
    exec(compile(src, "<before>", "exec"), before)
    exec(compile(fixed, "<after>", "exec"), after)
    client = type("C", (), {"api_token": b})
    assert before["check"](request, client, None) == after["check"](request, client, None)


def test_compare_digest_keeps_a_line_break_and_its_comment():
    src = f"{HEAD}    if (request.api_token  # from the header\n            == client.api_token):\n        return True\n"
    assert unsafe_fix(src) == (
        f"{HEAD}    if (secrets.compare_digest(request.api_token,  # from the header\n            client.api_token)):\n        return True\n"
    )


def test_compare_digest_with_line_breaks_on_both_sides_is_listed_not_rewritten():
    src = f"{HEAD}    if (request.api_token  # a\n            ==  # b\n            client.api_token):\n        return True\n"
    tree = ast.parse(src)
    compare = next(n for n in ast.walk(tree) if isinstance(n, ast.Compare))
    finding = Finding("RND301", compare.lineno, compare.col_offset, compare.end_lineno, compare.end_col_offset,
                      "m", "w", "==", "api_token", compare.col_offset, compare.end_col_offset)
    result = apply(src, [finding], unsafe=True)
    assert result.source == src and result.error is None
    assert [why for _, why in result.unfixed] == ["line breaks on both sides of the operator; rewrite it by hand"]


def test_compare_digest_and_a_random_fix_in_one_statement():
    src = ("import random\ndef check(request, client):\n"
           "    return client.csrf_token == str(random.getrandbits(64)) + request.POST['salt']\n")
    findings = find(src)
    assert {f.code for f in findings} >= {"RND301"}
    out = unsafe_fix(src)
    assert "secrets.compare_digest(client.csrf_token" in out
    ast.parse(out)
