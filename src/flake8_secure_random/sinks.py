"""Where a value becomes a secret: names, keyword arguments, dict keys, returns, and crypto APIs.

Everything here answers one question — "does this place hold a secret, and what is it called?" —
and returns the name to show in the message, or None.
"""
from __future__ import annotations

import ast
from typing import Dict, Optional, Sequence, Tuple

from .vocabulary import Vocabulary, words

# Crypto and auth APIs whose arguments are secrets, by callee name: {position: what it is}.
# A keyword argument of the same name is caught by the keyword rule (`hmac.new(key=...)`).
API_ARGUMENTS: Dict[str, Dict[int, str]] = {
    # Python docs, hmac module: hmac.new(key, msg, digestmod), hmac.HMAC(key, ...)
    "hmac.new": {0: "hmac key"},
    "hmac.HMAC": {0: "hmac key"},
    # Python docs, hashlib, Key derivation: pbkdf2_hmac(hash_name, password, salt, ...), scrypt(password, *, salt, ...)
    "hashlib.pbkdf2_hmac": {1: "password", 2: "salt"},
    "hashlib.scrypt": {0: "password"},
    # bcrypt docs (PyPI project page): hashpw(password, salt), kdf(password, salt, desired_key_bytes, rounds)
    "bcrypt.hashpw": {0: "password", 1: "salt"},
    "bcrypt.kdf": {0: "password", 1: "salt"},
    # Python docs, crypt module (removed in 3.13, PEP 594): crypt.crypt(word, salt)
    "crypt.crypt": {1: "salt"},
    # PyCryptodome docs, Symmetric ciphers: <cipher>.new(key, ...)
    "AES.new": {0: "cipher key"},
    "DES.new": {0: "cipher key"},
    "DES3.new": {0: "cipher key"},
    "ARC4.new": {0: "cipher key"},
    "Blowfish.new": {0: "cipher key"},
    # cryptography docs, Symmetric encryption, Algorithms: AES(key), TripleDES(key), ChaCha20(key, nonce)
    "algorithms.AES": {0: "cipher key"},
    "algorithms.TripleDES": {0: "cipher key"},
    "algorithms.ChaCha20": {0: "cipher key", 1: "nonce"},
    # cryptography docs, Symmetric encryption, Modes: CBC, CFB, OFB and GCM(initialization_vector), CTR(nonce)
    "modes.CBC": {0: "iv"},
    "modes.CFB": {0: "iv"},
    "modes.OFB": {0: "iv"},
    "modes.CTR": {0: "nonce"},
    "modes.GCM": {0: "iv"},
    # cryptography docs, Fernet: Fernet(key)
    "Fernet": {0: "fernet key"},
    # cryptography docs, Authenticated encryption: AESGCM(key), ChaCha20Poly1305(key)
    "AESGCM": {0: "cipher key"},
    "ChaCha20Poly1305": {0: "cipher key"},
    # PyJWT docs, jwt.encode(payload, key, algorithm)
    "jwt.encode": {1: "jwt signing key"},
    # Django docs, HttpResponse.set_cookie(key, value, ...) and set_signed_cookie(key, value, salt, ...)
    "set_cookie": {1: "cookie value"},
    "set_signed_cookie": {1: "cookie value"},
}

# Verbs that, before a secret word in a callee name, mean "this argument becomes that secret":
# `user.set_password(x)`, `make_password(x)`, `store_token(x)`.
_SETTER_VERBS = frozenset(
    {
        # verbs that keep or hand on the argument as the secret: `set_password(x)`, `store_token(x)`,
        # `save_secret(x)`, `send_otp(user, x)`, `reset_password(user, x)`
        "set", "store", "save", "send", "reset",
        # verbs that make the secret from the argument: `make_password(raw)` (Django docs, make_password),
        # `create_token(x)`, `gen_key(x)`, `generate_secret(x)`
        "make", "create", "gen", "generate",
    }
)


def dotted(expr: ast.AST) -> str:
    """`a.b.c` for a chain of names and attributes; '' for anything else."""
    parts = []
    while isinstance(expr, ast.Attribute):
        parts.append(expr.attr)
        expr = expr.value
    if isinstance(expr, ast.Name):
        parts.append(expr.id)
        return ".".join(reversed(parts))
    return ""


def callee_name(func: ast.AST) -> str:
    """The last name of what is called: `format` of `'{}'.format`, `Signature` of `pygit2.Signature`,
    `f` of `f`; "" for anything else (a call's result, a subscript)."""
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def target_name(target: ast.AST) -> Optional[str]:
    """The identifier an assignment target is known by: `x`, `self.x` -> `x`, `d['x']` -> `x`."""
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Subscript):
        key = target.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return key.value
        if isinstance(key, ast.Tuple):  # `store[uid, "token"]`: the name in a compound key
            names = [e.value for e in key.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if names:
                return names[-1]
        return target_name(target.value)
    if isinstance(target, ast.Starred):
        return target_name(target.value)
    return None


# Last words of a variable that holds a key rather than a value: `session[cookie_name]` stores a cookie.
_KEY_HOLDERS = frozenset({"name", "key", "field", "attr", "attribute", "slot"})


def key_name(target: ast.AST) -> Optional[str]:
    """What a subscript's key says it stores, when the key is not a constant: the text of an f-string
    (`store[f"reset_token_{uid}"]` -> `reset_token_`) or a variable named for a key (`cookie_name` ->
    `cookie`). None for anything else."""
    if not isinstance(target, ast.Subscript):
        return None
    key = target.slice
    if isinstance(key, ast.JoinedStr):
        text = "".join(v.value for v in key.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        return text or None
    name = key.id if isinstance(key, ast.Name) else key.attr if isinstance(key, ast.Attribute) else ""
    ws = words(name)
    if len(ws) > 1 and ws[-1] in _KEY_HOLDERS:
        return "_".join(ws[:-1])
    return None


def key_text(target: ast.AST) -> str:
    """A non-constant key as a reader would name it: `reset_token_{uid}`, `cookie_name`."""
    key = getattr(target, "slice", None)
    if isinstance(key, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) else "{" + ast.unparse(v.value) + "}"  # type: ignore[attr-defined]
            for v in key.values
        )
    return ast.unparse(key) if key is not None else "item"


def display(target: ast.AST) -> str:
    if isinstance(target, ast.Attribute):
        base = dotted(target)
        return base or target.attr
    if isinstance(target, ast.Subscript):
        name = target_name(target)
        return name or "item"
    return target_name(target) or "value"


def call_argument_secrets(call: ast.Call, vocab: Vocabulary) -> Sequence[Tuple[int, str]]:
    """(position, secret) for each positional argument of `call` that is a secret by its API."""
    name = dotted(call.func)
    last2 = ".".join(name.split(".")[-2:])
    last = name.split(".")[-1] if name else ""
    table = API_ARGUMENTS.get(name) or API_ARGUMENTS.get(last2) or API_ARGUMENTS.get(last)
    if table:
        return [(i, what) for i, what in table.items() if i < len(call.args)]
    if last:
        secret = setter_secret(last, vocab)
        if secret:
            return [(i, f"{last}()") for i in range(len(call.args))]
    return ()


def setter_secret(callee: str, vocab: Vocabulary) -> Optional[str]:
    """`set_password` -> 'password'; `get_token` -> None (a getter reads a secret, it does not make one)."""
    ws = words(callee)
    if len(ws) < 2 or ws[0] not in _SETTER_VERBS or vocab.benign_word(callee):
        return None
    return vocab.secret_word("_".join(ws[1:]))
