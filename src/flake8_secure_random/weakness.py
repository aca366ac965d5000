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
from typing import Dict, List, Optional, Sequence, Set, Tuple

from .model import Finding
from .rules import finding_at, span
from .sinks import callee_name, dotted, target_name
from .vocabulary import NOT_SECRET_HEADS, Vocabulary, words

MIN_BYTES = 16
_SECRETS_FUNCTIONS = {"token_bytes", "token_hex", "token_urlsafe"}
# Calls and methods that pass the bytes on unchanged in strength.
_WRAPPERS = {"hex", "decode", "encode", "str", "bytes", "b64encode", "urlsafe_b64encode", "b32encode", "hexlify",
             "b16encode", "format", "join", "rstrip", "strip", "upper", "lower"}
# Secrets that are short by design or not about guessing (exempt, as the issue says of OTPs and PINs).
_EXEMPT = frozenset({"otp", "totp", "hotp", "pin", "captcha", "code", "iv", "nonce", "cnonce", "salt", "challenge",
                     # backup and recovery codes: single use and rate-limited, like OTPs (NIST SP 800-63B §5.1.2)
                     "backup", "recovery"})
# Words of a module's path that say it makes one-time or backup codes (short by design, rate-limited).
_ONE_TIME = frozenset({"otp", "totp", "hotp", "backup", "recovery"})
# Names of passwords: judged by RND202's threshold (min-password-bits), not a token's 128 bits.
_PASSWORDS = frozenset({"password", "passwd", "pwd", "passphrase", "pass", "pw"})


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
            callee = callee_name(parent.func)
            if node is not parent.func and callee not in _WRAPPERS:
                return None
        elif isinstance(parent, ast.Attribute):
            if parent.attr not in _WRAPPERS:
                return None
        elif isinstance(parent, ast.IfExp) and node is parent.test:
            return None
        elif not isinstance(parent, (ast.JoinedStr, ast.FormattedValue, ast.BinOp, ast.BoolOp, ast.IfExp)):
            return None  # (`password or token_hex(8)`: the drawn value is what the name gets by default)
        node = parent


def short_tokens(
    tree: ast.Module, vocab: Vocabulary, lines: Sequence[str], min_password_bits: float = 64.0, context: Sequence[str] = ()
) -> List[Finding]:
    """RND201: a token or key drawn with fewer than MIN_BYTES bytes; a password drawn so, with fewer
    bits than `min_password_bits` (RND202's threshold: a password is not a bearer token). Nothing in
    a module whose package or folders say it makes one-time or backup codes (`context`: the words of
    the module's path, `django_otp/plugins/otp_static/`), whatever its values are called."""
    if any(w in _ONE_TIME for w in context):
        return []
    drawing = _drawing_functions(tree)
    if not drawing:
        return []
    parents = _parents(tree)
    out: List[Finding] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) != 1 or node.keywords:
            continue
        qualname = drawing.get(dotted(node.func))
        arg = node.args[0]
        if qualname is None or not (isinstance(arg, ast.Constant) and type(arg.value) is int) or arg.value >= MIN_BYTES:
            continue
        name = _destination(node, parents)
        secret = vocab.secret_word(name) if name else None
        if not secret or any(w in _EXEMPT for w in words(name or "")):
            continue
        bits = 8 * arg.value
        if any(w in _PASSWORDS for w in words(secret)):
            if bits >= min_password_bits:
                continue
            advice = f"use at least {min_password_bits:g} bits (min-password-bits)"
        else:
            advice = f"use at least {MIN_BYTES} bytes ({8 * MIN_BYTES} bits), 32 recommended"
        out.append(finding_at(
            "RND201", span(node), lines,
            f"{qualname}({arg.value}) gives {bits} bits for '{name}'; {advice}",
            f"{arg.value} random bytes are {bits} bits: about 2**{bits - 1} guesses find '{name}'",
            qualname, name or "",
        ))
    return out


# -- RND202: a password from a known alphabet and a literal length, with too little entropy ----------
_STRING_CONSTANTS = {
    "ascii_letters": 52, "ascii_lowercase": 26, "ascii_uppercase": 26, "digits": 10, "hexdigits": 22,
    "octdigits": 8, "punctuation": 32, "printable": 100, "letters": 52, "lowercase": 26, "uppercase": 26,
}
# Names that are secrets but short by design, or not passwords (exempt, as the issue says).
_PASSWORD_EXEMPT = frozenset({"otp", "totp", "hotp", "pin", "captcha", "code", "challenge", "nonce", "salt", "iv"})


def might_build_passwords(source: str) -> bool:
    """A chooser (`secrets`, `SystemRandom`, `random`) and a `.join(` of what it picks."""
    return ("secrets" in source or "SystemRandom" in source or "random" in source) and ".join(" in source and (
        "choice" in source or "sample(" in source
    )


def _alphabet_size(expr: ast.AST, assigned: Dict[str, ast.AST], depth: int = 0) -> Optional[int]:
    if depth > 5:
        return None
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return len(set(expr.value)) or None
    if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id == "string":
        return _STRING_CONSTANTS.get(expr.attr)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        left, right = _alphabet_size(expr.left, assigned, depth + 1), _alphabet_size(expr.right, assigned, depth + 1)
        return left + right if left and right else None
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id in ("list", "tuple", "str") and len(expr.args) == 1:
        return _alphabet_size(expr.args[0], assigned, depth + 1)
    if isinstance(expr, ast.Name) and expr.id in assigned:
        return _alphabet_size(assigned[expr.id], assigned, depth + 1)
    return None


def _single_assignments(tree: ast.Module) -> Dict[str, ast.AST]:
    """Names assigned exactly once in the module (at any level): their value, to size alphabets."""
    seen: Dict[str, List[ast.AST]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            seen.setdefault(node.targets[0].id, []).append(node.value)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            seen.setdefault(node.target.id, []).extend([node.value, node.value])
    return {name: values[0] for name, values in seen.items() if len(values) == 1}


def _secure_chooser(func: ast.AST, method: str) -> bool:
    """`secrets.choice`, `SystemRandom().choices`, and `random.choice`: a password built with `random`
    is weak in two ways, and both are reported in one run (RND101 and RND202), so that fixing the
    first does not reveal the second on the next commit."""
    name = dotted(func)
    if not name.endswith(method):
        if isinstance(func, ast.Attribute) and func.attr == method and isinstance(func.value, ast.Call):
            return "SystemRandom" in dotted(func.value.func)
        return False
    return name in (f"secrets.{method}", f"random.{method}") or "SystemRandom" in name


def _built_password(node: ast.Call, assigned: Dict[str, ast.AST]):
    """(length, alphabet size, with replacement, the choosing call) for `"".join(secrets.choice(A) for _ in range(N))`,
    `"".join(SystemRandom().choices(A, k=N))` and `.sample(A, N)` with a literal N; else None."""
    if not (isinstance(node.func, ast.Attribute) and node.func.attr == "join" and len(node.args) == 1):
        return None
    arg = node.args[0]
    if isinstance(arg, (ast.GeneratorExp, ast.ListComp)) and len(arg.generators) == 1 and isinstance(arg.elt, ast.Call):
        it = arg.generators[0].iter
        pick = arg.elt
        if (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range" and len(it.args) == 1
                and isinstance(it.args[0], ast.Constant) and type(it.args[0].value) is int
                and len(pick.args) == 1 and _secure_chooser(pick.func, "choice")):
            size = _alphabet_size(pick.args[0], assigned)
            return (it.args[0].value, size, True, pick) if size else None
    if isinstance(arg, ast.Call) and arg.args:
        size = _alphabet_size(arg.args[0], assigned)
        if not size:
            return None
        if _secure_chooser(arg.func, "choices"):
            k = next((kw.value for kw in arg.keywords if kw.arg == "k"), None)
            if isinstance(k, ast.Constant) and type(k.value) is int:
                return (k.value, size, True, arg)
        if _secure_chooser(arg.func, "sample") and len(arg.args) == 2:
            k = arg.args[1]
            if isinstance(k, ast.Constant) and type(k.value) is int:
                return (k.value, size, False, arg)
    return None


def weak_passwords(
    tree: ast.Module, vocab: Vocabulary, lines: Sequence[str], min_bits: float, drawn: Optional[Set[Tuple[int, int]]] = None
) -> List[Finding]:
    """RND202. A password built with `random` is reported only where RND1 reports its choosing call
    (`drawn`: (line, UTF-8 column) of those calls): RND202 comes with RND101, never instead of it (in
    fake-data code, say)."""
    import math

    assigned = _single_assignments(tree)
    parents: Optional[Dict[ast.AST, ast.AST]] = None
    out: List[Finding] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        built = _built_password(node, assigned)
        if built is None:
            continue
        length, size, replacement, chooser = built
        if dotted(chooser.func).startswith("random.") and (chooser.lineno, chooser.col_offset) not in (drawn or ()):
            continue
        if replacement:
            bits = length * math.log2(size)
        else:
            bits = sum(math.log2(size - i) for i in range(min(length, size)))
        if bits >= min_bits:
            continue
        parents = parents or _parents(tree)
        name = _destination(node, parents)
        secret = vocab.secret_word(name) if name else None
        if not secret or any(w in _PASSWORD_EXEMPT for w in words(name or "")):
            continue
        needed = math.ceil(min_bits / math.log2(size)) if replacement else None
        advice = f"e.g. {needed} characters from this alphabet" if needed else "a longer sample or a larger alphabet"
        out.append(finding_at(
            "RND202", span(node), lines,
            f"'{name}' has {bits:.1f} bits ({length} characters from {size}); use at least {min_bits:g} bits, {advice}",
            f"{length} picks from {size} symbols give {bits:.1f} bits; the threshold is {min_bits:g} (min-password-bits)",
            "str.join", name or "",
        ))
    return out


# -- RND203: predictable values used as secrets ---------------------------------------------------------
# Calls whose value an attacker can guess, and roughly how many bits of it they cannot.
_PREDICTABLE = {
    "uuid.uuid1": ("the time and the host's MAC address", 14),
    "time.time": ("the clock", 20),
    "time.time_ns": ("the clock", 20),
    "time.monotonic": ("the clock", 20),
    "time.perf_counter": ("the clock", 20),
    "datetime.now": ("the clock", 20),
    "datetime.utcnow": ("the clock", 20),
    "datetime.datetime.now": ("the clock", 20),
    "datetime.datetime.utcnow": ("the clock", 20),
    "id": ("a memory address", 16),
    "hash": ("a hash of known data", 0),
}
# Calls that bring real entropy: with one of them in the same expression the value is not predictable.
_ENTROPY = ("secrets.", "urandom", "uuid4", "SystemRandom", "token_", "random.", "getrandbits", "randbytes", "randint", "choice")
_PREDICTABLE_SINK_WORDS = ("token", "session", "secret", "nonce", "salt", "password", "csrf", "otp", "_key", "key_", "apikey")
# (call, a word the file must hold for the call to be one of the predictable ones)
_PREDICTABLE_CALLS = (
    ("id(", None), ("hash(", None), ("uuid1(", "uuid"), ("time(", "time"), ("time_ns(", "time"), ("now(", "time"),
    ("monotonic(", "time"), ("perf_counter(", "time"),
)
_DEF = re.compile(r"def\s+(\w+)")


def might_use_predictable(source: str) -> bool:
    return bool(predictable_lines(source, first_only=True))


def predictable_lines(source: str, first_only: bool = False) -> Set[int]:
    """Lines of statements that may make a secret from a clock / uuid1 / id / hash: the call on a line
    that names a secret (or continues a statement that does, or returns from a function named for
    one), or `name = <call>` and a later such line that reads `name`. Substring searches only: the
    calls are found first (most files make none), and only their lines are read."""
    found: Set[int] = set()
    defs: List[Optional[bool]] = [None]  # whether any function's name says it makes a secret (if needed)
    # Clocks come from `time` or `datetime` and uuid1 from `uuid`: one scan rules out their calls.
    calls = [c for c, module in _PREDICTABLE_CALLS if module is None or module in source]
    for call in calls:
        pos = source.find(call)
        while pos != -1:
            before = source[pos - 1] if pos else " "
            if not (before.isalnum() or before == "_"):
                start = source.rfind("\n", 0, pos) + 1
                if _names_secret(source, start, defs):
                    found.add(source.count("\n", 0, pos) + 1)
                found |= _readers_naming_secret(source, start, defs)
                if found and first_only:
                    return found
            pos = source.find(call, pos + 1)
    return found


_ASSIGNED = re.compile(r"[ \t]*([A-Za-z_]\w*)[ \t]*=(?!=)")
_TOP_LEVEL = re.compile(r"\n(?=[^\s#)\]}])")


def _names_secret(source: str, start: int, defs: List[Optional[bool]]) -> bool:
    """Whether the statement that the line at `start` belongs to (up to that line) names a secret,
    or is a `return` from a function whose name does; by text."""
    first = _statement_start(source, start)
    end = source.find("\n", start)
    low = source[first : end if end != -1 else len(source)].lower()
    if any(w in low for w in _PREDICTABLE_SINK_WORDS):
        return True
    if low.lstrip().startswith(("return ", "return(")):
        return _some_def_names_secret(source, defs) and _enclosing_def_names_secret(
            source, first, len(low) - len(low.lstrip())
        )
    return False


def _some_def_names_secret(source: str, defs: List[Optional[bool]]) -> bool:
    """Whether any function of the file has a secret's word in its name; worked out once per file,
    when first needed, and kept in `defs[0]`."""
    if defs[0] is None:
        defs[0] = any(w in name.lower() for name in _DEF.findall(source) for w in _PREDICTABLE_SINK_WORDS)
    return defs[0]


def _readers_naming_secret(source: str, start: int, defs: List[Optional[bool]]) -> Set[int]:
    """For `name = <call>` (the statement of the line at `start`): the numbers of the later lines
    that read `name` in a statement naming a secret."""
    start = _statement_start(source, start)
    match = _ASSIGNED.match(source, start)
    if not match:
        return set()
    found: Set[int] = set()
    end = len(source)
    if match.start(1) > start:  # inside a function: it ends before the next statement at column 0
        top = _TOP_LEVEL.search(source, match.end())
        end = top.start() if top else end  # (a string spanning lines at column 0 ends it early: a rare miss)
    region = source[match.end() : end].lower()
    if not any(w in region for w in _PREDICTABLE_SINK_WORDS):
        if "return" not in region or not _some_def_names_secret(source, defs):
            return found
    for use in re.compile(rf"\b{match.group(1)}\b").finditer(source, match.end(), end):
        pos = use.start()
        if _names_secret(source, source.rfind("\n", 0, pos) + 1, defs):
            found.add(source.count("\n", 0, pos) + 1)
    return found


_OPEN_ENDS = ("(", "[", "{", ",", "\\", "+", "%", "=")


def _statement_start(source: str, line_start: int, most: int = 8) -> int:
    """Where the statement that the line at `line_start` continues begins: the lines above are
    taken while each ends open (a bracket, a comma, an operator, a backslash), at most `most`."""
    for _ in range(most):
        if line_start <= 0:
            break
        above = source.rfind("\n", 0, line_start - 1) + 1
        if not source[above : line_start - 1].split("#", 1)[0].rstrip().endswith(_OPEN_ENDS):
            break
        line_start = above
    return line_start


def _enclosing_def_names_secret(source: str, line_start: int, indent: int) -> bool:
    """Whether the nearest `def` above `line_start` that is indented less than `indent` (the function
    a `return` there belongs to) has a name with a secret's word in it."""
    end = line_start
    while True:
        at = source.rfind("def ", 0, end)
        if at == -1:
            return False
        start = source.rfind("\n", 0, at) + 1
        prefix = source[start:at]
        if prefix.strip() in ("", "async") and len(prefix) - len(prefix.lstrip()) < indent:
            match = _DEF.match(source, at)
            return bool(match) and any(w in match.group(1).lower() for w in _PREDICTABLE_SINK_WORDS)
        end = at


# Keys and keywords under which a clock reading is a time, whatever the token around it is made of.
_TIME_FIELDS = frozenset(
    {"exp", "expire", "expires", "expiry", "expiration", "iat", "nbf", "deadline", "until", "on", "in", "before", "after",
     "start", "started", "end", "ended", "begin", "stop", "since", "last", "when"}
)


def _is_a_time(call: ast.AST, parents: dict, vocab: Vocabulary) -> bool:
    """Whether a clock reading stays a time inside the value: a deadline (`time.time() + 3600`,
    `now() + timedelta(...)`), a field named as a time (`{"exp": now()}`, `expires_on=time.time()`,
    `GeneralizedTime(now)`),
    or one of several arguments of a call that builds an object rather than mixing them into one
    string or digest (`AccessToken(value, time.time())`, but not `make_token(user, time.time())`), or
    that signs or encrypts it with a key (`hmac.new(key, stamp)`: the key is the secret part)."""
    node = call
    while node in parents:
        parent = parents[node]
        if isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Sub):
            return True  # `now - self.updated`, `time.time() - 60`: an elapsed time or an earlier time
            # (a rate limiter's bucket of tokens, a count per second), never an identifier
        if isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Add):
            other = parent.right if parent.left is node else parent.left
            if _is_offset(other):
                return True
        elif isinstance(parent, ast.keyword) and parent.arg and _names_a_time(parent.arg):
            return True
        elif isinstance(parent, ast.Call) and node in parent.args and _makes_a_time(callee_name(parent.func) or ""):
            return True  # `ASN1_GENERALIZED_TIME(now)`, `to_timestamp(now)`: made into a time field
        elif isinstance(parent, ast.Call) and node in parent.args and len(parent.args) + len(parent.keywords) > 1:
            if not _mixes(callee_name(parent.func), vocab):
                return True  # `SimpleToken(value, expires_at, ...)`, `Signature(name, email, time)`: one field of many
            if any(w in _KEYED_CALLS for w in words(dotted(parent.func))):
                return True  # `hmac.new(key, stamp)`, `cookie_signature(seed, load, stamp)`: a key goes in too
        elif isinstance(parent, (ast.Tuple, ast.List)) and len(parent.elts) > 1 and parent not in parents:
            return True  # `x[k] = (morsel, store_time)`: one field of the record stored, kept as a time
            # (not `"%s-%s" % (user, time.time())` nor `"-".join([...])`: those mix it into one value)
        elif isinstance(parent, ast.Dict):
            key = next((k for k, v in zip(parent.keys, parent.values) if v is node), None)
            if isinstance(key, ast.Constant) and isinstance(key.value, str) and _names_a_time(key.value):
                return True
        node = parent
    return False


def _parents_of(value: ast.AST) -> Dict[ast.AST, ast.AST]:
    return {child: parent for parent in ast.walk(value) for child in ast.iter_child_nodes(parent)}


def _mixes(callee: str, vocab: Vocabulary) -> bool:
    """Whether a call folds its arguments into one value: a hash, a format, or a function (not a
    class) named for a secret (`make_token(user, time.time())`)."""
    return callee in _MIXERS or (callee[:1].islower() and vocab.secret_word(callee) is not None)


# Words of calls that take a key with the value: what comes out is as secret as the key.
_KEYED_CALLS = frozenset({"hmac", "sign", "signature", "signer", "mac", "encrypt", "cipher", "fernet", "jwt", "jws"})

# Calls that mix their arguments into one value (so a clock among them is part of the token).
_MIXERS = frozenset(
    {"str", "bytes", "int", "float", "repr", "hex", "format", "join", "hash", "md5", "sha1", "sha224", "sha256",
     "sha384", "sha512", "blake2b", "blake2s", "new", "hexdigest", "digest", "encode", "b64encode",
     "urlsafe_b64encode", "b32encode", "hexlify", "uuid3", "uuid5", "pack", "update", "dumps", "sign"}
)


def _is_offset(expr: ast.AST) -> bool:
    """A number, a constant's name, a timedelta, or a sum of them: what a deadline adds to a clock."""
    if isinstance(expr, ast.Constant):
        return isinstance(expr.value, (int, float)) and not isinstance(expr.value, bool)
    if isinstance(expr, (ast.Name, ast.Attribute)):
        name = expr.id if isinstance(expr, ast.Name) else expr.attr
        return name.isupper() or bool(set(words(name)) & _TIME_WORDS)
    if isinstance(expr, ast.Call):
        return dotted(expr.func).rpartition(".")[2] in ("timedelta", "relativedelta")
    if isinstance(expr, ast.Subscript) and isinstance(expr.slice, ast.Constant) and isinstance(expr.slice.value, str):
        return bool(set(words(expr.slice.value)) & _TIME_WORDS)  # `items["password_age"]`
    if isinstance(expr, ast.BinOp):
        return _is_offset(expr.left) and _is_offset(expr.right)
    return False


_TIME_WORDS = frozenset({"ttl", "timeout", "lifetime", "expiry", "expires", "seconds", "offset", "delta", "age", "duration"})


def _makes_a_time(callee: str) -> bool:
    """A call whose name says it makes a time field of what it is given: `ASN1_GENERALIZED_TIME(now)`,
    `to_timestamp(now)`, `UTCTime(now)` (not `format(...)`, which makes text of anything)."""
    ws = words(callee)
    return bool(ws) and ws[-1] in ("time", "timestamp", "date", "datetime", "utctime", "generalizedtime")


def _names_a_time(name: str) -> bool:
    ws = words(name)
    return bool(ws) and (
        ws[-1] in _TIME_FIELDS or ws[-1] in NOT_SECRET_HEADS or ws[-1].endswith(("date", "time", "stamp"))
    )  # (`createdate`, `logintime`: run together)


def _walk_with_function(node: ast.AST, wanted: Set[int], function: Optional[ast.AST] = None, cls: str = ""):
    """(node, the enclosing function node, name of the enclosing class) for the nodes that span one
    of `wanted` lines."""
    for child in ast.iter_child_nodes(node):
        start = getattr(child, "lineno", None)
        if start is not None and not any(start <= line <= (getattr(child, "end_lineno", None) or start) for line in wanted):
            continue
        yield child, function, cls
        inner = child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
        yield from _walk_with_function(child, wanted, inner, child.name if isinstance(child, ast.ClassDef) else cls)


def _import_names(tree: ast.Module) -> Dict[str, str]:
    """Local names of the modules and functions RND203 knows: `t` -> `time` (`import time as t`),
    `time` -> `time.time` (`from time import time`), `u1` -> `uuid.uuid1`."""
    names: Dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name in ("time", "uuid", "datetime"):
                    names[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module in ("time", "uuid", "datetime") and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _resolve(callee: str, imports: Dict[str, str]) -> str:
    head, dot, rest = callee.partition(".")
    return imports[head] + dot + rest if head in imports else callee


def _single_values(scope: ast.AST) -> Dict[str, ast.Assign]:
    """The names assigned exactly once, by a plain `name = value`, directly in `scope` (a function or
    the module, not its nested functions) and not parameters: their assignments."""
    stores: Dict[str, int] = {}
    assigns: Dict[str, ast.Assign] = {}
    stack = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            stores[node.id] = stores.get(node.id, 0) + 1
        elif isinstance(node, ast.arg):  # a parameter is a value from elsewhere too
            stores[node.arg] = stores.get(node.arg, 0) + 1
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            assigns[node.targets[0].id] = node
        stack.extend(ast.iter_child_nodes(node))
    return {name: node for name, node in assigns.items() if stores.get(name) == 1}


def _independent_maker(call: ast.Call, callee: str) -> bool:
    """A call that makes an id, token or key of its own and is not handed the clock (`new_id()`,
    `generate_token()`, `uuid4()` under another name): what it returns may well be random, so a value
    made from it and the clock is not the clock alone. `make_session_id(user.id, time.time())` is
    handed the clock: it counts as made from it."""
    ws = words(callee.rsplit(".", 1)[-1])
    if not (any(w in _MAKERS for w in ws) and any(w in _MADE for w in ws)):
        return False
    return not any(
        _PREDICTABLE.get(dotted(c.func)) or dotted(c.func).rsplit(".", 1)[-1] in _CLOCK_NAMES
        for c in ast.walk(call) if isinstance(c, ast.Call) and c is not call
    )


# Values a protocol sends in the clear, whose job is to be fresh (RFC 7616 §3.3's digest `nonce`, a
# challenge): made from the clock they repeat or can be foretold, but they leak no secret (RND203).
_SENT_IN_THE_CLEAR = frozenset({"nonce", "challenge", "cnonce",
                                # a salt is stored in the clear beside its hash; it only has to be unique
                                "salt"})
# Words of a function that makes a fresh value, and of what it makes (see `_independent_maker`).
_MAKERS = frozenset({"new", "make", "generate", "gen", "create", "random", "rand", "unique", "fresh"})
_MADE = frozenset({"id", "ids", "token", "key", "nonce", "uuid", "guid", "secret", "salt", "string", "str", "hex"})
_CLOCK_NAMES = frozenset({"time", "time_ns", "now", "utcnow", "monotonic", "perf_counter", "uuid1"})


def _keying_functions(tree: ast.Module, imports: Dict[str, str]) -> Set[str]:
    """Names of the module's functions whose body signs, MACs or encrypts, or draws real randomness:
    what they return from a clock reading is not the clock alone."""
    names: Set[str] = set()
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for call in ast.walk(fn):
                if isinstance(call, ast.Call):
                    callee = _resolve(dotted(call.func), imports)
                    if any(w in _KEYED_CALLS for w in words(callee)) or any(e in callee for e in _ENTROPY):
                        names.add(fn.name)
                        break
    return names


def predictable_secrets(tree: ast.Module, vocab: Vocabulary, lines: Sequence[str]) -> List[Finding]:
    out: List[Finding] = []
    reported: set = set()
    keyed: Optional[Set[str]] = None
    wanted = predictable_lines("\n".join(lines))
    imports = _import_names(tree)
    singles: Dict[ast.AST, Dict[str, ast.Assign]] = {}  # per scope, when first needed
    for node, function, cls in _walk_with_function(tree, wanted):
        function_name = getattr(function, "name", None)
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            name = next((n for n in (target_name(t) for t in targets) if n), None)
            value: Optional[ast.AST] = node.value
        elif isinstance(node, ast.keyword):
            name, value = node.arg, node.value
        elif isinstance(node, ast.Return) and node.value is not None:
            name, value = function_name, node.value
        else:
            continue
        if not name or value is None or not vocab.secret_word(name) or vocab.fake(name):
            continue
        if vocab.secret_word(name) in _SENT_IN_THE_CLEAR:
            continue  # a nonce or a challenge goes out in the clear: its job is to differ, not to be secret
        if vocab.harmless_sense(name, (function_name or "", cls)):
            continue  # a lock's owner token only has to differ from other clients' tokens
        if isinstance(value, (ast.Compare, ast.BoolOp, ast.UnaryOp)):
            continue  # `token_expired = expires_at < time.time()` is a truth value, not a secret
        parents = _parents_of(value)
        # The calls that make the value: its own, and those of a variable it reads that was set once
        # before it in the same scope (`stamp = time.time()` ... `token = md5(str(stamp))`).
        made: List[Tuple[ast.Call, dict, Optional[ast.Name]]] = [
            (c, parents, None) for c in ast.walk(value) if isinstance(c, ast.Call)
        ]
        scope = function or tree
        for used in (n for n in ast.walk(value) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)):
            if scope not in singles:
                singles[scope] = _single_values(scope)
            assign = singles[scope].get(used.id)
            if assign is not None and assign.lineno < getattr(node, "lineno", 0):
                inner = _parents_of(assign.value)
                made += [(c, inner, used) for c in ast.walk(assign.value) if isinstance(c, ast.Call)]
        callees = [_resolve(dotted(c.func), imports) for c, _, _ in made]
        if any(any(e in d for e in _ENTROPY) for d in callees):
            continue
        if any(any(w in _KEYED_CALLS for w in words(callee)) for callee in callees):
            continue  # `f"{user}|{stamp}|{hmac.new(key, ...).hexdigest()}"`: a keyed part is the secret
        callees_of_value = {id(c.func) for c in ast.walk(value) if isinstance(c, ast.Call)}
        if any(
            callee_name(n) not in ("", name) and vocab.secret_word(callee_name(n))
            for n in ast.walk(value) if id(n) not in callees_of_value
        ):
            continue  # `unpack(stored_credential)[0] + stamp`: another secret goes in, the clock is not alone
        if any(_independent_maker(c, callee) for (c, _, _), callee in zip(made, callees)):
            continue  # `str(time.time()) + "-" + self.new_id()`: the clock is not the only ingredient
        if keyed is None:
            keyed = _keying_functions(tree, imports)
        if any(callee.rsplit(".", 1)[-1] in keyed for callee in callees):
            continue  # `make_cookie_value(user, stamp)` returns an HMAC of it: the key is the secret part
        for (call, context, via), callee in zip(made, callees):
            what = _PREDICTABLE.get(callee) or (_PREDICTABLE.get(callee.split(".", 1)[-1]) if callee.count(".") == 1 and callee.split(".")[0] in ("datetime", "dt") else None)
            if what is None:
                continue
            if callee in ("id", "hash") and len(call.args) == 1 and isinstance(call.args[0], ast.Name):
                continue  # `"s_" + str(hash(session))`: an object's identity, a label for logs
            if what[0] == "the clock" and (
                _is_a_time(call, context, vocab) or (via is not None and _is_a_time(via, parents, vocab))
            ):
                continue
            source_of, bits = what
            through = f" (through '{via.id}')" if via is not None else ""
            if (call.lineno, call.col_offset) in reported:
                break  # one finding per clock reading, however many names its value reaches
            reported.add((call.lineno, call.col_offset))
            out.append(finding_at(
                "RND203", span(call), lines,
                f"{callee}() makes '{name}' predictable ({source_of}: about {bits} bits an attacker cannot guess, "
                f"a secret needs 128); use secrets.token_urlsafe(32)",
                f"{callee}() is the only source of '{name}'{through} and is {source_of}, not randomness",
                callee, name,
            ))
            break
    return out
