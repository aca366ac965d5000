"""RND201: a token or key drawn with `secrets` / `os.urandom`, but too short to be a secret.

`secrets.token_hex(4)` is 32 bits: an attacker who can make a few billion guesses (offline, or a
reset link tried by a botnet) finds it. Python's docs recommend 32 bytes; 16 (128 bits) is the
floor here. Reported when the byte count is an int literal below 16 and the value goes, directly
or through `.hex()` / `.decode()` / `base64` / `str()` / formatting, into a name, keyword, dict key
or function return that names a token, key or secret.
"""
from __future__ import annotations

import ast
import re
from typing import Dict, List, Optional, Sequence

from .model import Finding
from .rules import finding_at, span
from .sinks import target_name
from .vocabulary import Vocabulary, words

MIN_BYTES = 16
_SECRETS_FUNCTIONS = {"token_bytes", "token_hex", "token_urlsafe"}
# Calls and methods that pass the bytes on unchanged in strength.
_WRAPPERS = {"hex", "decode", "encode", "str", "bytes", "b64encode", "urlsafe_b64encode", "b32encode", "hexlify",
             "b16encode", "format", "join", "rstrip", "strip", "upper", "lower"}
# Secrets that are short by design or not about guessing (exempt, as the issue says of OTPs and PINs).
_EXEMPT = frozenset({"otp", "totp", "hotp", "pin", "captcha", "code", "iv", "nonce", "cnonce", "salt", "challenge"})


_SHORT_DRAW = re.compile(r"(?:token_bytes|token_hex|token_urlsafe|urandom)\(\s*(?:[0-9]|1[0-5])\s*\)")


def might_draw_tokens(source: str) -> bool:
    """A drawing call with a literal byte count under 16 somewhere in the text."""
    return ("token_" in source or "urandom" in source) and _SHORT_DRAW.search(source) is not None


def _drawing_functions(tree: ast.Module) -> Dict[str, str]:
    """Local names that call the drawing functions: {"secrets.token_hex": ..., "token_hex": ..., "os.urandom": ...}."""
    names: Dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ("secrets", "os"):
                    bound = alias.asname or alias.name
                    for fn in (_SECRETS_FUNCTIONS if alias.name == "secrets" else {"urandom"}):
                        names[f"{bound}.{fn}"] = f"{alias.name}.{fn}"
        elif isinstance(node, ast.ImportFrom) and node.module in ("secrets", "os") and not node.level:
            for alias in node.names:
                if alias.name in _SECRETS_FUNCTIONS | {"urandom"}:
                    names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _dotted(expr: ast.AST) -> str:
    if isinstance(expr, ast.Attribute):
        base = _dotted(expr.value)
        return f"{base}.{expr.attr}" if base else ""
    return expr.id if isinstance(expr, ast.Name) else ""


def _parents(tree: ast.Module) -> Dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _destination(call: ast.Call, parents: Dict[ast.AST, ast.AST]) -> Optional[str]:
    """The name the drawn value ends up under: climb through wrappers to an assignment, a keyword,
    a dict entry or a return."""
    node: ast.AST = call
    while True:
        parent = parents.get(node)
        if parent is None:
            return None
        if isinstance(parent, (ast.Assign, ast.AnnAssign)):
            targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
            return next((n for n in (target_name(t) for t in targets) if n), None)
        if isinstance(parent, ast.keyword):
            return parent.arg
        if isinstance(parent, ast.Dict):
            for key, value in zip(parent.keys, parent.values):
                if value is node and isinstance(key, ast.Constant) and isinstance(key.value, str):
                    return key.value
            return None
        if isinstance(parent, ast.Return):
            fn = parent
            while fn is not None and not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                fn = parents.get(fn)
            return fn.name if fn is not None else None
        if isinstance(parent, ast.Call):
            callee = parent.func.attr if isinstance(parent.func, ast.Attribute) else getattr(parent.func, "id", "")
            if node is not parent.func and callee not in _WRAPPERS:
                return None
        elif isinstance(parent, ast.Attribute):
            if parent.attr not in _WRAPPERS:
                return None
        elif not isinstance(parent, (ast.JoinedStr, ast.FormattedValue, ast.BinOp)):
            return None
        node = parent


def short_tokens(tree: ast.Module, vocab: Vocabulary, lines: Sequence[str]) -> List[Finding]:
    drawing = _drawing_functions(tree)
    if not drawing:
        return []
    parents = _parents(tree)
    out: List[Finding] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) != 1 or node.keywords:
            continue
        qualname = drawing.get(_dotted(node.func))
        arg = node.args[0]
        if qualname is None or not (isinstance(arg, ast.Constant) and type(arg.value) is int) or arg.value >= MIN_BYTES:
            continue
        name = _destination(node, parents)
        secret = vocab.secret_word(name) if name else None
        if not secret or any(w in _EXEMPT for w in words(name or "")):
            continue
        bits = 8 * arg.value
        out.append(finding_at(
            "RND201", span(node), lines,
            f"{qualname}({arg.value}) gives {bits} bits for '{name}'; use at least {MIN_BYTES} bytes ({8 * MIN_BYTES} bits), 32 recommended",
            f"{arg.value} random bytes are {bits} bits: about 2**{bits - 1} guesses find '{name}'",
            qualname, name or "",
        ))
    return out
