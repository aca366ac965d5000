"""The rule docs and the README's rules table are generated from the rules table and must be current."""
from __future__ import annotations

import io
from pathlib import Path

from flake8_secure_random import docs
from flake8_secure_random.cli import main
from flake8_secure_random.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
STALE = "stale: run `python -m flake8_secure_random.docs` and commit the result"


def test_rule_pages_are_current():
    folder = ROOT / "docs" / "rules"
    assert sorted(p.name for p in folder.glob("*.md")) == sorted(f"{r.code}.md" for r in RULES), STALE
    for rule in RULES:
        assert (folder / f"{rule.code}.md").read_text(encoding="utf-8") == docs.rule_doc(rule), STALE


def test_readme_rules_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert docs.with_table(readme) == readme, STALE
    for rule in RULES:
        assert f"[{rule.code}](docs/rules/{rule.code}.md)" in readme


def test_every_page_has_the_sections_and_references():
    for rule in RULES:
        page = docs.rule_doc(rule)
        for heading in ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety",
                        "Options", "Known problems", "References"):
            assert f"\n## {heading}\n" in page, (rule.code, heading)
        assert "cwe.mitre.org/data/definitions/" in page and "library/secrets.html" in page
    assert "cwe.mitre.org/data/definitions/338" in docs.rule_doc(RULES[0])
    assert "```diff\n-import random\n+import secrets" in docs.rule_doc(RULES[0])


def test_explain_prints_the_page():
    out, err = io.StringIO(), io.StringIO()
    assert main(["explain", "rnd101"], out=out, err=err) == 0
    assert out.getvalue() == docs.rule_doc(RULES[0])
    assert main(["explain", "RND999"], out=out, err=err) == 2
    assert "unknown rule 'RND999'" in err.getvalue()
