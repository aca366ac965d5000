"""Every rule's examples are its specification: bad ones give exactly the listed findings, ok ones none."""
from __future__ import annotations

import pytest

from flake8_secure_random.analysis import find
from flake8_secure_random.model import Settings
from flake8_secure_random.rules import BY_CODE, RULES

BAD = [pytest.param(rule, ex, id=f"{rule.code}-{ex.title}") for rule in RULES for ex in rule.bad]
OK = [pytest.param(rule, ex, id=f"{rule.code}-{ex.title}") for rule in RULES for ex in rule.ok]


@pytest.mark.parametrize(("rule", "example"), BAD)
def test_bad_example_is_flagged_on_the_listed_lines(rule, example):
    findings = find(example.code, Settings(**dict(rule.settings)))
    assert sorted(f.line for f in findings) == sorted(example.lines)
    assert rule.code in {f.code for f in findings}
    for f in findings:
        assert f.code in BY_CODE
        assert f.secret in f.message or f.code.startswith("RND9")  # the message names the secret


@pytest.mark.parametrize(("rule", "example"), OK)
def test_ok_example_is_quiet(rule, example):
    assert find(example.code, Settings(**dict(rule.settings))) == []


def test_every_rule_has_examples_and_docs():
    for rule in RULES:
        assert rule.bad and rule.ok, rule.code
        assert rule.summary.endswith(".") and rule.why and rule.fix_safety, rule.code
        assert rule.name == rule.name.lower() and " " not in rule.name, rule.code
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    assert all(c[:4] in ("RND1", "RND2", "RND3", "RND9") for c in codes)
    assert [r.code for r in RULES if not r.default_enabled] == [c for c in codes if c.startswith("RND9")]
