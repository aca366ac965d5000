"""Comments that silence a finding on its line: ours, flake8's, and the peers' "not for security" marks.

- `# noqa` (all codes) and `# noqa: RND101,E501` (codes by prefix, as flake8 matches them);
- bandit's `# nosec` and `# nosec B311` (a `# nosec` naming only other tests does not count);
- ruff / flake8-bandit `# noqa: S311` and dlint `# noqa: DUO102`: the team already decided this
  call is not for security, so a team migrating from those tools needs no new annotations.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

_NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*))?", re.I)
_NOSEC = re.compile(r"#\s*nosec\b:?(?P<tests>(?:[\s,]*(?:B\d{3}|[a-z_]+))*)", re.I)
_PEER_CODES = ("S311", "DUO102")


def suppressed(code: str, line_texts: Sequence[str], honour_noqa: bool = True) -> bool:
    """True if a comment on any of `line_texts` (the lines the flagged call spans) silences `code`."""
    return any(_silences(code, text, honour_noqa) for text in line_texts if "#" in text)


def _silences(code: str, text: str, honour_noqa: bool) -> bool:
    for m in _NOQA.finditer(text):
        codes = _codes(m.group("codes"))
        if codes is None:
            if honour_noqa:
                return True
            continue
        if any(c in _PEER_CODES for c in codes):
            return True
        if honour_noqa and any(code.startswith(c) for c in codes):
            return True
    for m in _NOSEC.finditer(text):
        tests = [t for t in re.split(r"[\s,]+", m.group("tests") or "") if t]
        if not tests or any(t.upper() == "B311" or t.lower() == "blacklist" for t in tests):
            return True
    return False


def _codes(raw: Optional[str]) -> Optional[list]:
    if not raw:
        return None
    return [c.upper() for c in re.split(r"[,\s]+", raw) if c]
