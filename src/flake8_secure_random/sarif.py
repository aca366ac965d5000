"""SARIF 2.1.0 output for GitHub code scanning and other SARIF viewers (`check --format sarif`)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from .docs import rule_doc
from .model import Finding
from .rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/flake8-secure-random/flake8-secure-random"
# GitHub files results with a security-severity as security alerts: 7.0-8.9 is "high".
_SEVERITY = {"RND101": "7.5", "RND102": "7.5", "RND103": "5.3", "RND104": "7.5", "RND201": "5.3", "RND202": "5.3", "RND203": "7.5", "RND301": "5.9", "RND901": "2.0"}

# A fix: (the call's replacement text, the import to insert as (1-based line, 0-based column, text) or None)
FixEdits = Tuple[str, Optional[Tuple[int, int, str]]]


def sarif_log(
    results: Sequence[Tuple[str, Finding]],
    line_texts: Dict[Tuple[str, int], str],
    fixes: Dict[Tuple[str, int, int], FixEdits],
    version: str,
    root: Optional[Path] = None,
    problems: Sequence[Tuple[str, str]] = (),
) -> dict:
    """The whole log. `line_texts` gives each finding's source line (for stable fingerprints),
    `fixes` each fixable finding's fix (`FixEdits`), keyed by (path, line, col); `problems` the files
    that could not be checked, (path, one-line reason), reported as tool execution notifications
    (SARIF 2.1.0 §3.20.21) with `executionSuccessful` false. URIs are relative to `root` (default: the
    repository's top folder, else the current folder), under the `%SRCROOT%` base id (§3.14.14)."""
    root = (root or repository_root(Path.cwd())).resolve()
    index = {rule.code: i for i, rule in enumerate(RULES)}
    seen: Dict[str, int] = {}
    out: List[dict] = []
    for path, f in results:
        uri = _uri(path, root)
        region = {"startLine": f.line, "startColumn": f.col + 1, "endLine": f.end_line, "endColumn": f.end_col + 1}
        location = {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}, "region": region}
        key = "\0".join((f.code, uri, f.qualname, line_texts.get((path, f.line), "").strip()))
        seen[key] = seen.get(key, 0) + 1
        result = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _level(f.code),
            "message": {"text": f.message},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {
                "secureRandom/v1": hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:32],
            },
            "properties": {"why": f.why},
        }
        fix = fixes.get((path, f.line, f.col))
        if fix is not None:
            result["fixes"] = [_fix(fix, region, uri)]
        out.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "secure-random",
                "fullName": "flake8-secure-random",
                "version": version,
                "semanticVersion": version,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(rule) for rule in RULES],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri() + "/"}},
            "invocations": [{
                "executionSuccessful": not problems,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": reason},
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path, root), "uriBaseId": "%SRCROOT%"}}}],
                    }
                    for path, reason in problems
                ],
            }],
            "columnKind": "unicodeCodePoints",
            "results": out,
        }],
    }


def _fix(fix: FixEdits, region: dict, uri: str) -> dict:
    """One result's fix (§3.55), whole on its own: the call's replacement and, when the file does not
    import `secrets` yet, the inserted import. The replacements are listed from the end of the file
    to its start, so each region means the same whether a consumer reads the regions against the
    original file (§3.57.3) or applies them one after another."""
    text, insertion = fix
    # (line, column, 1 for the call / 0 for the import: at the same place the import goes first in
    # the file, so it is listed last)
    keyed = [((region["startLine"], region["startColumn"], 1), {"deletedRegion": region, "insertedContent": {"text": text}})]
    description = f"Replace with `{text}`."
    if insertion is not None:
        line, col, added = insertion
        point = {"startLine": line, "startColumn": col + 1, "endLine": line, "endColumn": col + 1}
        keyed.append(((line, col + 1, 0), {"deletedRegion": point, "insertedContent": {"text": added}}))
        description = f"Replace with `{text}` and add `import secrets`."
    replacements = [replacement for _, replacement in sorted(keyed, key=lambda k: k[0], reverse=True)]
    return {
        "description": {"text": description},
        "artifactChanges": [{"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}, "replacements": replacements}],
    }


def repository_root(start: Path) -> Path:
    """The top folder of the git repository holding `start` (the folder with `.git`, a folder or, for a
    worktree or submodule, a file), else `start`: what code scanning resolves relative URIs against."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder
    return start


def _rule(rule) -> dict:
    doc = rule_doc(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": doc, "markdown": doc},
        "helpUri": f"{INFORMATION_URI}/blob/main/docs/rules/{rule.code}.md",
        "defaultConfiguration": {"level": _level(rule.code), "enabled": rule.default_enabled},
        "properties": {
            "tags": ["security", *_cwe_tags(rule)],
            "precision": "high",
            "problem.severity": _level(rule.code),
            "security-severity": _SEVERITY.get(rule.code, "5.0"),
        },
    }


def _cwe_tags(rule) -> list:
    numbers = [url.rstrip("/").rsplit("/", 1)[-1].split(".")[0] for url in rule.references if "cwe.mitre.org" in url]
    return [tag for n in numbers for tag in (f"CWE-{n}", f"external/cwe/cwe-{n}")]


def _level(code: str) -> str:
    return "note" if code.startswith("RND9") else "warning" if code == "RND103" else "error"


def _uri(path: str, root: Path) -> str:
    """A relative URI reference with forward slashes (what code scanning matches against the
    repository), percent-encoded as RFC 3986 requires (`my file#2.py` -> `my%20file%232.py`); a path
    on another drive than `root` becomes an absolute `file:` URI."""
    from urllib.parse import quote

    absolute = Path(path).resolve()
    try:
        rel = absolute.relative_to(root)
    except ValueError:
        if absolute.anchor != root.anchor:
            return absolute.as_uri()
        rel = Path(os.path.relpath(absolute, root))
    return quote(rel.as_posix(), safe="/")
