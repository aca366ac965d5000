"""RND301: a secret compared with `==` / `!=`, which leaks it through timing; `secrets.compare_digest`
compares in constant time (CWE-208).

A comparison is reported when one side is a secret the program holds and the other comes from
outside, so that an attacker can send guess after guess and time the answers (`origins`). The names
tell which value is secret: a token, signature, HMAC, API key, password (plain or hashed), CSRF token
or one-time code (a qualified `reset_code`, not any `code`). The flow tells which side the attacker
controls: request data, a parameter of a function that checks what it is given, a name that says it
was received, and what is computed from them.

Not reported: two values the program already holds (change detection, `record.secret !=
new_secret`), two values that both come from outside (a password and its confirmation), a constant
on either side (a literal, a module or class attribute bound to one, a name in capitals that names
no secret), values that are public by design (a nonce, OAuth 1.0a's `oauth_token`, RFC 5849 §2.1),
names of a flag or a kind (`verify_signature`, `token_type`, `token.NAME`), an identifier
(`session_key != user.pk`), a token of a lock, pager or parser, a plain `digest` where no key or
signature is in sight, comparisons inside `__eq__`, `assert` and `self.assertTrue(...)`.
"""
from __future__ import annotations

import ast
import re
from bisect import bisect_left
from typing import List, Optional, Sequence, Set, Tuple

from .model import Finding
from .origins import Origins, hmac_names, is_mac, module_constants, module_functions
from .rules import finding_at, span
from .sinks import callee_name, target_name
from .vocabulary import HARMLESS_SENSES, NOT_SECRET_HEADS, QUALIFIERS, Vocabulary, words

# Last words that name a value compared to authenticate something.
_HEADS = frozenset(
    {
        "token", "signature", "sig", "digest", "hexdigest", "hmac", "secret", "csrf", "xsrf", "otp", "totp",
        "hotp", "apikey", "verifier", "passcode",
    }
)
_PASSWORD = frozenset({"password", "passwd", "pwd", "pw", "pass", "passphrase"})
_CODE_QUALIFIERS = frozenset({"otp", "verification", "verify", "reset", "activation", "confirm", "confirmation", "auth", "mfa", "2fa", "totp", "login"})
# Words that put a token in a parser, a cache or a sequence, not in an authentication check.
_NOT_AUTH = frozenset(
    {
        "cache", "lex", "lexer", "parse", "parser", "next", "prev", "previous", "last",
        "first", "end", "start", "stop", "eof", "grammar", "syntax", "type", "kind", "node", "tok", "ast",
        "regex", "pattern", "func", "function", "method", "callable", "bound",
    }
)
# First words of a flag or an option about a secret, not the secret: `verify_signature`, `use_token`.
_FLAG_VERBS = frozenset({"verify", "check", "validate", "require", "requires", "use", "enable", "disable", "is", "has", "should", "allow", "want", "needs"})
# Values public by design: nonces travel in the clear (RFC 7616 §3.3 `nonce`/`cnonce`, RFC 5849 §3.3);
# OAuth 1.0a's `oauth_token` names the token, its secret is `oauth_token_secret` (RFC 5849 §2.1, §2.3).
_PUBLIC = frozenset({"nonce", "cnonce", "client_nonce", "server_nonce", "oauth_token", "request_token", "oauth_nonce"})
# Last words of a name that says which kind or how much, not what value (a subset of NOT_SECRET_HEADS:
# not where a value is kept, `secret_token_header` holds the token).
_KINDS = frozenset({"type", "kind", "format", "fmt", "method", "algorithm", "alg", "mode", "policy", "pattern",
                    "scheme", "version", "count", "length", "len", "size", "max", "min", "limit", "stage"})
# Last words of a name that says where or what something is called: comparing with it is no check of
# a secret (`token == path`, `secret == filename`).
_PLACES = frozenset({"path", "url", "uri", "file", "filename", "filepath", "dir", "directory", "folder", "route",
                     "href", "link", "name", "label", "title"})
# Words that say the other side is the value a secret is checked against.
_CHECKED_AGAINST = frozenset(
    {
        "expected", "computed", "calculated", "stored", "valid", "correct", "actual", "provided", "received",
        "submitted", "given", "known", "good", "request", "header", "headers", "cookie", "cookies", "session",
        "form", "args", "params", "query", "user", "client", "server", "db", "saved", "real", "sent",
    }
)
# Last words of a name that identifies or counts something: comparing with it is no secret check.
_IDENTIFIERS = frozenset(
    {"id", "pk", "uid", "uuid", "guid", "name", "username", "email", "index", "idx", "count", "number", "num",
     "len", "length", "size"}
)
# Digest words that make a MAC only where a key or a signature is in sight.
_PLAIN_DIGESTS = frozenset({"digest", "hexdigest"})
_KEYED = frozenset(
    {"hmac", "mac", "sign", "signed", "signing", "signature", "sig", "secret", "password", "passwd", "credential",
     "credentials", "token"}
)

# Words that make a name a marker standing for a missing or failed secret, not a secret
# (`FAILED_TO_DECRYPT_PASSWORD`, `NO_TOKEN`, `MASKED_PASSWORD = "****"`): comparing with it asks which
# state a value is in. Not `default`: a default password is a real credential.
_SENTINELS = frozenset({"failed", "failure", "invalid", "missing", "empty", "unset", "none", "null", "no", "masked",
                        "redacted", "hidden", "unknown", "sentinel"})
# Calls whose arguments are query conditions: an ORM overloads `==` on its columns to build SQL
# (SQLAlchemy's ColumnOperators `where`/`filter`/`having`/`join`/`and_`/`or_`/`not_`/`case`,
# Peewee's `where`/`get`/`get_or_none`, Tortoise's `filter`): the database compares, not Python.
_QUERY_CALLS = frozenset({"where", "filter", "filter_by", "having", "join", "outerjoin", "and_", "or_", "not_", "case",
                          "get", "get_or_none", "exclude", "select", "first", "one", "find"})

# Trailing words that name the content of what the words before them name (`secret_value`).
_CONTENT_OF = frozenset({"value", "val"})
# Calls that compute a MAC or a digest: a local set once from one is the secret they name.
_MAC_CALLS = frozenset({"hexdigest", "digest", "hmac"})
# Calls whose result is a cryptographic value: `hmac.new(...).hexdigest()`, `compute_signature(...)`.
_CRYPTO_CALLS = frozenset({"hexdigest", "digest", "hmac", "sign", "compute", "calculate", "hash", "b64encode", "urlsafe_b64encode", "hexlify"})


# Cheap prefilter, on text: an equality test whose operands pass the same word rules as below.
_OP = re.compile(r"[!=]=")
_LEFT = re.compile(r"([\w.:\[\]'\"-]+(?:\([^()]*\))?)\s*$")
_RIGHT = re.compile(r"\s*([\w.:\[\]'\"-]+(?:\([^()]*\))?)")
_CALL_ARGS = re.compile(r"\([^()]*\)$")
_IDENT = re.compile(r"[A-Za-z_]\w*")


# Substrings one of which a line must hold before its comparisons are looked at.
_GATE_WORDS = ("token", "sig", "digest", "hmac", "secret", "csrf", "otp", "nonce", "key", "hash", "code", "verifier", "pass", "pwd")


def might_compare_secrets(source: str) -> bool:
    """Whether a line compares something named like a secret (so the file is worth parsing).
    Plain substring tests first: a whole standard library passes through here in a tenth of a second."""
    return bool(candidate_lines(source, first_only=True))


def candidate_lines(source: str, first_only: bool = False) -> Set[int]:
    """The numbers of the lines that compare something named like a secret (by text). Only the lines
    that hold an `==` or `!=` are looked at, found by str.find: most lines of a file never are. In a
    file that computes a MAC or a digest, every comparison is a candidate: the secret may sit in a local
    with a neutral name (`expected = hmac.new(...).hexdigest()`)."""
    found: Set[int] = set()
    if "hmac" in source or "HMAC" in source or "digest(" in source:
        for op in ("==", "!="):
            pos = source.find(op)
            while pos != -1:
                found.add(source.count("\n", 0, pos) + 1)
                if first_only:
                    return found
                pos = source.find(op, pos + 2)
        return found
    for op in ("==", "!="):
        pos = source.find(op)
        while pos != -1:
            start = source.rfind("\n", 0, pos) + 1
            end = source.find("\n", pos)
            end = len(source) if end == -1 else end
            line = source[start:end]
            text = line
            # An operator that begins or ends a line (inside brackets) compares across the line break.
            if start and line.lstrip().startswith(op):
                previous = source[source.rfind("\n", 0, start - 1) + 1 : start - 1]
                text = previous.split("#", 1)[0].rstrip() + " " + line.lstrip()
            elif end < len(source) and line.split("#", 1)[0].rstrip().endswith(op):
                following = source[end + 1 : (source.find("\n", end + 1) + 1 or len(source) + 1) - 1]
                text = line.split("#", 1)[0].rstrip() + " " + following.lstrip()
            if _line_compares_secret(text):
                found.add(source.count("\n", 0, start) + 1)  # (a lone \\r ends no line here: a rare miss)
                if first_only:
                    return found
            pos = source.find(op, end)
    return found


def _line_compares_secret(line: str) -> bool:
    """Whether the text of a line holds a comparison that compared_secret() might report. It may say
    yes too often (the tree decides), never no where the tree would say yes."""
    low = line.lower()
    if not any(word in low for word in _GATE_WORDS):
        return False
    for op in _OP.finditer(line):
        left = _LEFT.search(line, 0, op.start())
        right = _RIGHT.match(line, op.end())
        left_text, right_text = left.group(1) if left else "", right.group(1) if right else ""
        if right and _plain_literal(right_text.rstrip(":"), line[right.end():]):
            continue  # `group_key == 'y'`: compared_secret() skips literals
        for this, other in ((left_text, right_text), (right_text, left_text)):
            if _constant(other):
                continue  # `mode == Mode.CHECKED_HASH`: a kind, not a secret
            name = _SUBSCRIPT.sub("", _CALL_ARGS.sub("", this))
            names = _IDENT.findall(name)
            if names and _secret_words(words(names[-1]), other):  # `settings.API_KEY` too
                return True
            keys = re.findall(r"\[['\"]([^'\"]+)['\"]\]", this)
            if keys and _secret_words(words(keys[-1]), other):
                return True
    return False


_SUBSCRIPT = re.compile(r"(?:\[[^\]'\"]*\])+$")  # `x[i]`, `x[KEY]`: the tree names it by `x`
_LITERAL = re.compile(r"""(?:[0-9][\w.]*|'[^'\\]*'|"[^"\\]*"|None|True|False)$""")


def _plain_literal(text: str, rest: str) -> bool:
    """`'y'`, `1`, `None` standing alone as the right operand (not `'a' + b`, not `'%s' % x`)."""
    after = rest.lstrip()[:1]
    return bool(_LITERAL.match(text)) and after in ("", ":", ")", ",", "]", "}", "#", "a", "o", "i", "e", "\\")


def _constant(text: str) -> bool:
    """A dotted name whose last part is in capitals (`PycInvalidationMode.CHECKED_HASH`, `MAX_TOKEN`)."""
    last = text.rpartition(".")[2]
    return len(last) > 1 and last.isupper() and bool(re.fullmatch(r"[\w.]+", text))


def _secret_words(ws, other_text: str) -> bool:
    """compared_secret()'s word tests that need no vocabulary (the prefilter runs before settings)."""
    if not ws or any(w in _NOT_AUTH for w in ws):
        return False
    head, qualifiers = ws[-1], ws[:-1]
    if head == "hash":
        return any(w in _PASSWORD for w in ws)
    if head in _PASSWORD:
        return True  # plain or hashed: either is a secret checked against what a user types
    if head == "code":
        return any(w in _CODE_QUALIFIERS for w in ws)
    if head in _HEADS or head == "key":
        return True  # the tree decides whether the other side comes from outside
    return False


def compared_secret(expr: ast.AST, other: ast.AST, vocab: Vocabulary, scope: "_Scope" = None) -> Optional[str]:
    """The name under which `expr` is a secret worth a constant-time comparison with `other`, or None.

    A qualified name (`csrf_token`, `api_key`, `password_hash`, `reset_code`) is enough; a bare one
    (`token`, `signature`, `digest`) needs the other side to look like what it is checked against:
    a crypto call or a name such as `expected`, `stored`, `request.headers[...]`. `scope` is where
    the comparison stands (its enclosing class and function)."""
    scope = scope or _Scope(None, "")
    name = _name_of(expr)
    if not name or _constant_name(other):
        return None
    ws = words(name)
    if len(ws) > 1 and ws[-1] in _CONTENT_OF:
        ws = ws[:-1]  # `expected_secret_value`: the value of what the words before it name
    if not ws or ws[-1] in NOT_SECRET_HEADS or vocab.benign_word(ws[-1]) or vocab.fake(name):
        return None
    if any(w in _SENTINELS for w in ws[:-1]):
        return None  # `FAILED_TO_DECRYPT_PASSWORD`: a marker for a state, not a secret
    if any(w in _NOT_AUTH for w in ws) or ws[0] in _FLAG_VERBS or "_".join(ws) in _PUBLIC or any(
        w in ("nonce", "cnonce") for w in ws
    ):
        return None  # a parser's token; `verify_signature`, an option; a nonce, public by design
    if "or" in ws and any(vocab.benign_word(w) or w in _IDENTIFIERS for w in ws):
        return None  # `PathOrToken`, `id_or_token`: one of two things, one of them no secret
    other_words = words(_name_of(other) or "")
    if other_words and (other_words[-1] in _IDENTIFIERS or other_words[-1] in _KINDS):
        return None  # `session_key != user.pk`: which user; `signature_method == SIGNATURE_HMAC`: which kind
    if other_words and other_words[-1] in _PLACES:
        return None  # `share["PathOrToken"] == path`: a path is compared, not a secret
    if any(s in other_words for s in HARMLESS_SENSES.get(ws[-1], ())):
        return None  # `signature != signature_from_type_hints`: a function's signature
    if vocab.harmless_sense(name, (name, *scope.names())):
        return None
    head, qualifiers = ws[-1], ws[:-1]
    qualified = any(q in QUALIFIERS or q in vocab.strong for q in qualifiers)
    if head in _PLAIN_DIGESTS and not qualified and not scope.keyed(vocab):
        return None  # a checksum or a published digest: nothing secret to find byte by byte
    if head in _HEADS:
        return name
    if head == "key" and vocab.secret_word(name):
        return name
    if head == "hash" and any(w in _PASSWORD for w in ws):
        return name
    if head in _PASSWORD:
        return name
    if head == "code" and any(w in _CODE_QUALIFIERS for w in ws):
        return name
    return None


def _checked_against(other: ast.AST) -> bool:
    if isinstance(other, ast.Call):
        callee = _name_of(other) or ""
        return any(w in _CRYPTO_CALLS for w in words(callee))
    names = [n for n in (_name_of(other), _dotted_words(other)) if n]
    return any(w in _CHECKED_AGAINST for n in names for w in words(n))


def _dotted_words(expr: ast.AST) -> str:
    parts = []
    while isinstance(expr, (ast.Attribute, ast.Subscript)):
        if isinstance(expr, ast.Attribute):
            parts.append(expr.attr)
        expr = expr.value
    if isinstance(expr, ast.Name):
        parts.append(expr.id)
    return "_".join(reversed(parts))


def _constant_name(expr: ast.AST) -> bool:
    """`signal.SIGINT`, `token.NAME`, `MAX_TOKEN`: comparing with a constant checks a kind, not a secret."""
    name = expr.attr if isinstance(expr, ast.Attribute) else expr.id if isinstance(expr, ast.Name) else None
    return bool(name) and name.isupper() and len(name) > 1


def _name_of(expr: ast.AST) -> Optional[str]:
    if isinstance(expr, ast.Call):  # `compute_signature(...)`, `h.hexdigest()`
        callee = callee_name(expr.func)
        if callee in ("get", "pop") and expr.args and isinstance(expr.args[0], ast.Constant) \
                and isinstance(expr.args[0].value, str):
            return expr.args[0].value  # `opts.get("shared_secret")` is the shared secret
        return callee or None
    return target_name(expr)


def _is_literal(expr: ast.AST) -> bool:
    if isinstance(expr, ast.Constant):
        return True
    if isinstance(expr, (ast.Tuple, ast.List, ast.Set)) and not expr.elts:
        return True
    return isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id in ("len", "type", "bool", "int")


class _Scope:
    """Where a comparison stands: its enclosing function (if any) and class name."""

    __slots__ = ("function", "cls", "_keyed")

    def __init__(self, function: Optional[ast.AST], cls: str) -> None:
        self.function, self.cls = function, cls
        self._keyed: Optional[bool] = None

    def names(self) -> Tuple[str, ...]:
        return (getattr(self.function, "name", ""), self.cls)

    def keyed(self, vocab: Vocabulary) -> bool:
        """Whether the function names a key, a secret or a signature anywhere (computed once). A salt
        or a nonce is no key: `salt.utils` and a digest in the same function make no MAC."""
        if self._keyed is None:
            self._keyed = self.function is not None and any(
                any(w in _KEYED for w in words(n)) or (vocab.secret_word(n) or "").endswith("key")
                for n in _identifiers(self.function)
            )
        return self._keyed


def _identifiers(function: ast.AST) -> Set[str]:
    found = {getattr(function, "name", "")}
    for node in ast.walk(function):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.arg):
            found.add(node.arg)
    return found


def _is_assertion(call: ast.Call) -> bool:
    """`self.assertTrue(...)`, `assert_(...)`: a test's check, not an authentication check."""
    name = _name_of(call) or ""
    return name.startswith("assert")


def _walk_lines(tree: ast.AST, wanted: Set[int]):
    """(node, its _Scope) like ast.walk, but only into the statements and expressions that span one
    of `wanted` lines, and never into an `assert` or a unittest assertion."""
    lines = sorted(wanted)
    stack: List[Tuple[ast.AST, _Scope]] = [(tree, _Scope(None, ""))]
    while stack:
        node, scope = stack.pop()
        yield node, scope
        if isinstance(node, ast.Assert) or (isinstance(node, ast.Call) and _is_assertion(node)):
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            scope = _Scope(node, scope.cls)
        elif isinstance(node, ast.ClassDef):
            scope = _Scope(scope.function, node.name)
        for child in ast.iter_child_nodes(node):
            start = getattr(child, "lineno", None)
            if start is None:
                stack.append((child, scope))
                continue
            at = bisect_left(lines, start)  # the first wanted line at or after the child's start
            if at < len(lines) and lines[at] <= (child.end_lineno or start):  # type: ignore[attr-defined]
                stack.append((child, scope))


def _computed_secret(expr: ast.AST, other: ast.AST, vocab: Vocabulary, scope: _Scope, where: Origins) -> Optional[str]:
    """`expected = hmac.new(KEY, body, sha256).hexdigest()`: a local named for its role, whose only
    value is a cryptographic computation, is the secret the computation names."""
    value = where.values.get(expr.id) if isinstance(expr, ast.Name) else None
    if not isinstance(value, ast.Call) or not any(w in _MAC_CALLS for w in words(_name_of(value) or "")):
        return None  # (the text prefilter lets such files through by these words: see candidate_lines)
    return compared_secret(value, other, vocab, scope) and expr.id  # type: ignore[return-value]


def _inline_mac(expr: ast.AST, macs: Set[str]) -> Optional[str]:
    """`base64(hmac.new(key, msg, sha256).digest()).strip()`: a value computed, in the comparison
    itself, from a MAC of the hmac module (Python docs, hmac): the program's secret, whatever the
    calls around it. Returns "HMAC" or None."""
    if isinstance(expr, ast.Name):
        return None  # a local is judged by its name (`_computed_secret`)
    return "HMAC" if any(isinstance(node, ast.Call) and is_mac(node, macs) for node in ast.walk(expr)) else None


def _query_conditions(tree: ast.Module) -> Set[int]:
    """The ids of the comparisons handed to a query builder as conditions (`.where(cls.token == token)`,
    `filter(and_(T.a == x, T.b == y))`, `case((T.c == v, 1))`): an ORM's column builds SQL from them."""
    found: Set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and callee_name(node.func) in _QUERY_CALLS:
            stack = list(node.args) + [k.value for k in node.keywords]
            while stack:
                arg = stack.pop()
                if isinstance(arg, ast.Compare):
                    found.add(id(arg))
                elif isinstance(arg, (ast.BoolOp, ast.Tuple, ast.List)):
                    stack.extend(arg.values if isinstance(arg, ast.BoolOp) else arg.elts)
                elif isinstance(arg, ast.UnaryOp):
                    stack.append(arg.operand)
    return found


def _stored_lookup(expr: ast.AST, where: Origins) -> bool:
    """A value looked up in a table the program keeps, by a key that is not a literal
    (`self._users.get(username)`, `USERS[name]`, `passwords[user]`): compared with a password or a
    token that was sent, it is the stored one, whatever the table is called."""
    if isinstance(expr, ast.Subscript):
        key, table = expr.slice, expr.value
    elif isinstance(expr, ast.Call) and callee_name(expr.func) == "get" and isinstance(expr.func, ast.Attribute) \
            and 1 <= len(expr.args) <= 2 and not expr.keywords:
        key, table = expr.args[0], expr.func.value
    else:
        return False
    if isinstance(key, (ast.Constant, ast.Slice)) or where.from_outside(table):
        return False  # `record["password"]`: a field; `request.form[name]`: what was sent
    return isinstance(table, (ast.Name, ast.Attribute))


def _cap_words(name: str) -> bool:
    """A class's name as PEP 8 spells them (`AccessToken`, `User_Sessions`); not a constant's (`API_KEY`)."""
    return name[:1].isupper() and any(c.islower() for c in name)


def _class_or_column(expr: ast.AST) -> bool:
    """A class (`OAuthToken`, `oauth.OAuthToken`) or a class's attribute spelled as a field
    (`RemoteToken.auth_token`): an ORM model's column, which `==` turns into a query's condition
    (SQLAlchemy, Peewee, Pony), or a descriptor; not a value held at run time. A class's attribute in
    capitals (`Config.API_KEY`) is a setting and is not meant here."""
    if isinstance(expr, ast.Name):
        return _cap_words(expr.id)
    if not isinstance(expr, ast.Attribute):
        return False
    if _cap_words(expr.attr):
        return True
    owner = expr.value
    owner_name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
    return _cap_words(owner_name) and not expr.attr.isupper()


def _as_written(expr: ast.AST) -> Optional[str]:
    """The secret side as the code spells it (`settings.API_KEY`, `mac.hexdigest()`), when short
    enough for a message; None for a long expression (the message then gives the secret's name)."""
    text = ast.unparse(expr)
    return text if len(text) <= 40 and "\n" not in text else None


def unsafe_comparisons(tree: ast.Module, vocab: Vocabulary, lines: Sequence[str]) -> List[Finding]:
    out: List[Finding] = []
    wanted = candidate_lines("\n".join(lines))
    constants: Optional[dict] = None
    functions: dict = {}
    origins: dict = {}
    macs: Set[str] = set()
    queries: Set[int] = set()
    for node, scope in _walk_lines(tree, wanted):
        if not isinstance(node, ast.Compare) or len(node.ops) != 1 or not isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            continue
        left, right = node.left, node.comparators[0]
        if _is_literal(left) or _is_literal(right):
            continue
        if getattr(scope.function, "name", "") in ("__eq__", "__ne__"):
            continue  # two objects compared field by field: identity, not a check of a guess
        if constants is None:
            constants, functions, macs = module_constants(tree), module_functions(tree), hmac_names(tree)
            queries = _query_conditions(tree)
        if id(node) in queries:
            continue  # `.where(cls.token == token)`: a query's condition, compared by the database
        where = origins.get(scope.function)
        if where is None:
            where = origins[scope.function] = Origins(tree, scope.function, constants, functions, macs)
        if where.constant(left) or where.constant(right):
            continue  # `token == self.reset_url_token`, bound to "set-password": a mode, not a secret
        if where.integer(left) or where.integer(right):
            continue  # `totp(key) == int(token)`: integers are compared whole, not byte by byte
        if _class_or_column(left) or _class_or_column(right):
            continue  # `Token.secret == sent` inside a query builds SQL; `hint == OAuthToken` compares types
        for mine, theirs in ((left, right), (right, left)):
            secret = compared_secret(mine, theirs, vocab, scope) or _computed_secret(mine, theirs, vocab, scope, where) \
                or _inline_mac(mine, macs)
            if not secret or where.from_outside(mine):
                continue  # not a secret, or both sides typed by whoever sends the request
            sent = where.from_outside(theirs) or where.given_copy(theirs, mine)
            if not sent or where.matched_before(theirs, node.lineno):
                continue  # nothing sent; or a lookup already matched what was sent exactly
            op = "==" if isinstance(node.ops[0], ast.Eq) else "!="
            shown = _as_written(mine) or secret
            out.append(_finding(node, lines, sent, op, shown, secret))
            break
        else:
            # `self._users.get(username) == password`: what was sent is named as the secret, the other
            # side is the copy the program stored under another key
            for mine, theirs in ((left, right), (right, left)):
                secret = compared_secret(theirs, mine, vocab, scope)
                sent = secret and where.from_outside(theirs)
                if sent and _stored_lookup(mine, where) and not where.from_outside(mine) \
                        and not where.matched_before(theirs, node.lineno):
                    op = "==" if isinstance(node.ops[0], ast.Eq) else "!="
                    out.append(_finding(node, lines, sent, op, _as_written(mine) or secret, secret))
                    break
    return out


def _finding(node: ast.Compare, lines: Sequence[str], sent: str, op: str, shown: str, secret: str) -> Finding:
    """The RND301 finding for `node`: `sent` (how the value came from outside) compared with `op` to
    the secret `shown` as the code spells it (`secret`: its name)."""
    return finding_at(
        "RND301", span(node), lines,
        f"{sent} compared with {op} to '{shown}'; use secrets.compare_digest()",
        f"{sent} comes from outside and '{shown}' is secret ({secret}): {op} stops at the first differing "
        f"byte, so response times reveal it byte by byte", op, secret,
    )
