"""Every word, call name and veto in the detection tables has a reason (DESIGN.md, "Detection model").

An entry is explained when its own line has a comment, or when it sits in a block of entry lines
directly under a comment line: the group's reason. A trailing comment explains only its own line.
"""
from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path
from typing import Dict, List, Sequence, Set

import pytest

import flake8_secure_random

PACKAGE = Path(flake8_secure_random.__file__).parent

TABLES: Dict[str, Sequence[str]] = {
    "vocabulary.py": (
        "STRONG", "AMBIGUOUS", "WEAK", "NOT_SECRET_HEADS", "HARMLESS_SENSES", "FAKE", "FAKED_RECORDS",
        "NEUTRAL_MODIFIERS", "ANSWER_WORDS", "GAME_HEADS", "QUALIFIERS", "KEY_ONLY_QUALIFIERS", "MAKER_QUALIFIERS",
        "KEY_MATERIAL_HEADS", "BENIGN", "_SPLIT_HALVES", "_RUN_TOGETHER", "_RUN_TOGETHER_SHORT", "_MAKER_AFFIXES",
        "_SPELLED_OUT", "PERSONAL_DETAILS", "PERSON_NAME_QUALIFIERS", "MACHINE_ADDRESS_QUALIFIERS", "CIPHER_VERBS",
        "DOC_MAKER_VERBS", "RESHAPED_SECRETS",
        "DOC_PHRASE_ENDS", "DOC_NEGATIONS", "RESHAPE_VETOES", "KEY_FORMS",
    ),
    "analysis.py": (
        "_OPAQUE_CALLS", "_OUTPUTS", "_MUTATORS", "_BUILDERS", "_VALUE_MODULES", "_VALUE_CLASSES",
        "_FACTORY_KEYWORDS", "_PICKERS", "_EXISTING", "_QUANTITIES",
    ),
    "sinks.py": ("API_ARGUMENTS", "_SETTER_VERBS", "_KEY_HOLDERS"),
    "paths.py": ("_TEST_DIRS", "_GENERIC_STEMS", "_FAKE_DATA"),
}


def _explained(line: int, lines: List[str], commented: Set[int]) -> bool:
    if line in commented:
        return True
    above = line - 1
    while above >= 1:
        text = lines[above - 1].strip()
        if text.startswith("#"):
            return bool(text.lstrip("#").strip())  # a bare `#` gives no reason
        if above in commented or not text.startswith(('"', "'")):
            return False  # another line's own reason, or code that is not an entry (`{`, `X = frozenset(`)
        above -= 1
    return False


def unexplained(source: str, names: Sequence[str]) -> List[str]:
    """The entries (string literals) of the tables `names` in `source` that have no reason."""
    lines = source.splitlines()
    commented = {
        tok.start[0]
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT and tok.string.lstrip("#").strip()
    }
    tables: Dict[str, ast.AST] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name) and target.id in names:
                tables[target.id] = value
    missing = [name for name in names if name not in tables]
    assert not missing, f"tables not found (renamed? update TABLES): {missing}"
    return [
        f"{name}: {node.value!r} on line {node.lineno}"
        for name in names
        for node in ast.walk(tables[name])
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and not _explained(node.lineno, lines, commented)
    ]


@pytest.mark.parametrize("module", sorted(TABLES))
def test_every_entry_has_a_reason(module):
    source = (PACKAGE / module).read_text(encoding="utf-8")
    assert unexplained(source, TABLES[module]) == []


def test_an_entry_without_a_reason_is_found():
    source = '''
GROUPED = frozenset(
    {
        # the group's reason
        "a", "b",
        "c",
    }
)
OWN = frozenset(
    {
        "a",  # its own reason
        "b",
        # another group's reason
        "c",
    }
)
NONE = frozenset({"x"})
EMPTY = frozenset({"z"})  #
NESTED = {
    # the key's reason
    "k": frozenset(
        {
            "y",
        }
    ),
}
'''
    assert unexplained(source, ("GROUPED", "OWN", "NONE", "EMPTY", "NESTED")) == [
        "OWN: 'b' on line 12",
        "NONE: 'x' on line 17",
        "EMPTY: 'z' on line 18",
        "NESTED: 'y' on line 23",
    ]
