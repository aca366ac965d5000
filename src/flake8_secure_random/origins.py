"""Where a compared value comes from, for RND301: from outside (an attacker can choose it), or a
constant of the module. A timing leak needs both: an attacker who sends guesses, and a secret the
program holds (CWE-208, Observable Timing Discrepancy).

From outside:
- a web request's data: anything read from a `request` / `req` object or a WSGI `environ` (headers,
  cookies, form, query, JSON body, `request.META`), and the handler calls of frameworks that read it
  (Tornado's `get_argument()`, `get_cookie()`, `get_body_argument()`, ...);
- a parameter of a function that checks something it is given: its name says it verifies, checks,
  validates, authenticates or logs in (`verify_token(token)`, `check_password(raw)`), or it takes the
  request (a view, `def reset(request, token)`), or a routing decorator makes it a handler; a
  parameter named for what it is checked against (`expected`, `stored`) is not from outside, nor is a
  field of a parameter that is an object (`user.password` in `login(user, typed)`);
- a name that says it was received (`provided`, `submitted`, `typed_password`, `candidate`);
- within one function, a variable assigned from any of these, and a call given any of these (the
  hash of a typed password is the attacker's as much as the password), unless the call is also
  given key material (`hmac.new(KEY, body)` computes the program's secret).

A constant: a literal, a name in capitals that is not named as a secret, and a module- or class-level
name bound once to a literal (`reset_url_token = "set-password"` read as `self.reset_url_token`).
"""
from __future__ import annotations

import ast
from typing import Dict, Optional, Set, Tuple

from .sinks import callee_name
from .vocabulary import words

# Objects that hold a web request's data (Django, Flask, Starlette, aiohttp, WSGI's environ) and a
# form a user submitted (Django's and WTForms' `form`).
_REQUEST_ROOTS = frozenset({"request", "req", "environ", "flask_request", "form"})
# What frameworks hang on a request that the server keeps, not the client sends: Django's and
# Starlette's `request.session`, `request.user`, `request.auth`; Pyramid's `request.registry`.
_SERVER_SIDE = frozenset({"session", "user", "auth", "app", "registry", "settings", "config", "state"})
# Handler methods that read a request's data (Tornado's RequestHandler; Django's get_signed_cookie).
_REQUEST_READERS = frozenset(
    {
        "get_argument", "get_arguments", "get_query_argument", "get_query_arguments", "get_body_argument",
        "get_body_arguments", "get_cookie", "get_signed_cookie", "get_secure_cookie", "get_json", "get_data",
    }
)
# Methods that read or reshape what was sent (`params.get("token")`, `token.encode()`); any other
# method of a parameter asks an object the program holds (`txn.fetchone()`, `store.lookup(...)`).
_ACCESSORS = frozenset(
    {"get", "getlist", "pop", "get_all", "encode", "decode", "strip", "lstrip", "rstrip", "lower", "upper",
     "split", "rsplit", "partition", "rpartition", "replace", "read", "hex", "casefold", "format", "join"}
)
# Words of a function that reshapes its arguments (a hash, an encoding, a normal form).
_TRANSFORMS = frozenset(
    {"hash", "hashed", "digest", "hexdigest", "md5", "sha1", "sha256", "sha512", "blake2b", "pbkdf2", "scrypt",
     "encode", "decode", "b64encode", "b64decode", "hexlify", "unhexlify", "utf8", "quote", "unquote", "normalize",
     "format", "join", "split", "strip", "lower", "upper", "str", "bytes", "int", "loads", "dumps", "password"}
)
# Where in a request a value was found, for the message, by the attribute read (not a method called:
# `.get(...)` is not Django's `GET`); a leading underscore is dropped (Starlette's cached `_json`).
_REQUEST_PARTS = {
    # Django's META, GET, POST; Flask's and Starlette's headers, cookies, args, form, query_params
    "headers": "header", "header": "header", "meta": "header", "cookies": "cookie", "cookie": "cookie",
    "form": "form field", "post": "form field", "args": "query parameter", "get": "query parameter",
    "query": "query parameter", "query_params": "query parameter", "params": "query parameter",
    "json": "JSON field", "data": "request field", "values": "request field",
    # the URL's path: aiohttp's match_info, Starlette's path_params, Flask's view_args
    "match_info": "path segment", "path_params": "path segment", "view_args": "path segment",
}
# Reader methods, by the part of the request they read (Twisted's getHeader/getCookie, Tornado's
# get_cookie, Werkzeug's headers.get...): the called name, lower case, no underscores.
_READER_PARTS = {"getheader": "header", "getallheaders": "header", "getcookie": "cookie", "getsignedcookie": "cookie",
                 "getsecurecookie": "cookie", "getjson": "JSON field", "getargument": "request field",
                 "getbodyargument": "form field", "getqueryargument": "query parameter"}
# Calls that find records by the values they are given: a mapping's `get`, Django's and SQLAlchemy's
# `filter`/`filter_by`/`exclude`/`get_object_or_404`, Peewee's `get_or_none`, pymongo's `find`/`find_one`.
_LOOKUPS = frozenset({"get", "filter", "filter_by", "exclude", "get_or_none", "get_object_or_404", "find", "find_one"})
# Words of a function's name that say it checks what it is given (also run together: `checkpassword`).
_CHECKING = frozenset(
    {
        "verify", "verifies", "check", "validate", "validates", "valid", "authenticate", "authenticates",
        "auth", "authorize", "login", "logon", "signin", "confirm", "unlock", "redeem", "consume", "accept",
        # not `checks`: as a name's word it is mostly the noun (`update_checks`, `run_checks`, health checks)
    }
)
_CHECK_PREFIXES = ("check", "verify", "validate", "authenticate", "authorize", "login", "logon", "signin")
# What a run-together checking name checks (`checkpassword`, `verifysig`, `logincode`): a word after
# one of the prefixes must name a credential, so that `checksum`, `checkpoint`, `checked`, `checks`
# and `validator` are not taken for checks of what they are given.
_CHECKED_THINGS = ("password", "passwd", "pw", "pwd", "pass", "token", "signature", "sig", "secret", "key", "mac",
                   "hmac", "otp", "code", "auth", "credential", "cred", "user", "hash", "digest", "nonce", "ticket")
# Routing decorators: the function is a handler, its parameters come from the URL (Flask, FastAPI,
# Starlette, aiohttp, Bottle, DRF's api_view).
_ROUTES = frozenset({"route", "get", "post", "put", "patch", "delete", "websocket", "api_route", "api_view", "view_config"})
# Words that say a value was received.
_RECEIVED = frozenset(
    {
        "provided", "received", "submitted", "given", "supplied", "incoming", "typed", "entered", "presented",
        "claimed", "candidate", "input", "untrusted", "attempt", "guess",
    }
    # not `raw`: it says unprocessed, and raw bytes come as often from a database, a cache or a file
)
# Words that say a value is the one something is checked against (the program's own).
_OWN = frozenset(
    {"expected", "stored", "computed", "calculated", "correct", "valid", "known", "actual", "real", "saved", "good",
     "secret", "server", "db", "reference", "golden"}
)


def _root(expr: ast.AST) -> Tuple[Optional[str], list]:
    """The name an attribute/subscript/call chain starts from, and the parts read on the way, first
    to last: attribute names (str), constant string keys (("key", text)), and ("data", name) for an
    attribute read but not called (`user.password`, not `params.get(...)`)."""
    parts: list = []
    called = False
    while True:
        if isinstance(expr, ast.Attribute):
            parts.append(expr.attr)
            if not called:
                parts.append(("data", expr.attr))
            called = False
            expr = expr.value
        elif isinstance(expr, ast.Subscript):
            key = expr.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, (str, bytes)):
                parts.append(("key", key.value if isinstance(key.value, str) else key.value.decode("latin-1")))
            elif not isinstance(key, (ast.Constant, ast.Slice)) and not (
                isinstance(key, ast.UnaryOp) and isinstance(key.operand, ast.Constant)
            ):
                parts.append(("data", None))  # `cdb[client_id]`: a lookup in a table, not the value sent
                # (`parts[-1]`, `parts[1:]` are positions in what was sent)
            called = False
            expr = expr.value
        elif isinstance(expr, ast.Call):
            first = expr.args[0].value if expr.args and isinstance(expr.args[0], ast.Constant) else None
            if isinstance(first, bytes):  # Twisted's `request.getHeader(b"X-Hub-Signature")`
                first = first.decode("latin-1")
            if isinstance(first, str):
                parts.append(("key", first))  # `headers.get("X-Api-Key")`
            elif expr.args and isinstance(expr.args[0], ast.Name) and expr.args[0].id.lstrip("_").isupper():
                parts.append(("key", expr.args[0].id))  # `getHeader(_HEADER_GITLAB_TOKEN)`: a constant's name
            called = True
            expr = expr.func
        elif isinstance(expr, ast.Await):
            expr = expr.value
        else:
            break
    parts.reverse()
    return (expr.id if isinstance(expr, ast.Name) else None), parts


class Origins:
    """What one function (or the module) knows of where its values come from."""

    def __init__(
        self, module: ast.Module, function: Optional[ast.AST], constants: Dict[str, ast.AST],
        functions: Optional[Dict[str, list]] = None, hmac_names: Set[str] = frozenset(),
    ) -> None:
        self.function = function
        self.hmac_names = hmac_names  # `hnew` for `from hmac import new as hnew` (see `hmac_names`)
        self.constants = constants
        self.functions = functions or {}  # the module's functions and methods by name
        self.outside: Dict[str, str] = {}  # local name -> how it came from outside, for the message
        self.kinds: Dict[str, str] = {}  # local name holding a whole part of a request -> "form field"...
        self.values: Dict[str, ast.AST] = {}  # local name -> the value of its only assignment
        self.lookups: Dict[str, int] = {}  # local name -> first line where it is used as a lookup key
        # parameters of a checking function named for what it is checked against (`secret`, `expected`):
        # the program's own in `verify(body, secret)`, the value given in `check_secret(self, secret)`
        self.given: Dict[str, str] = {}
        if function is not None:
            self._parameters(function)
            self._flows(function)
            self._lookups(function)

    def _parameters(self, fn: ast.AST) -> None:
        args = fn.args  # type: ignore[attr-defined]
        params = [a.arg for a in list(getattr(args, "posonlyargs", [])) + args.args + args.kwonlyargs]
        params += [a.arg for a in (args.vararg, args.kwarg) if a is not None]
        name = getattr(fn, "name", "")
        handler = any(p in _REQUEST_ROOTS for p in params) or any(
            (d.func if isinstance(d, ast.Call) else d).attr in _ROUTES  # type: ignore[union-attr]
            for d in getattr(fn, "decorator_list", [])
            if isinstance(d.func if isinstance(d, ast.Call) else d, ast.Attribute)
        )
        ws = list(words(name))
        # `auth(...)`, `login(...)` as the verb; not `auth` in `obtain_token_by_auth_code_flow`
        verb = ws[1:2] if ws[:1] in (["is"], ["do"], ["can"]) else ws[:1]  # `is_valid`, `do_login`
        checking = any(w in _CHECK_PREFIXES or _run_together_check(w) for w in ws) or bool(verb and verb[0] in _CHECKING)
        for p in params:
            if p in ("self", "cls"):
                continue
            ws = words(p)
            if any(w in _OWN for w in ws):
                if checking:
                    self.given[p] = f"parameter '{p}' of {name}()"  # see `given_copy`
                continue
            if checking or handler or any(w in _RECEIVED for w in ws):
                self.outside[p] = f"parameter '{p}' of {name}()"

    def _flows(self, fn: ast.AST) -> None:
        """Local names assigned from outside, to a fixpoint (`token = request.headers.get(...)`)."""
        assigns = [
            (t.id, value)
            for node in ast.walk(fn)
            for targets, value in _bindings(node)
            for target in targets
            # `key, secret = (decode(i) for i in cookie.split("|"))`: each part of what came from outside
            for t in (target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target])
            if isinstance(t, ast.Name)
        ]
        counts: Dict[str, int] = {}
        for name, value in assigns:
            counts[name] = counts.get(name, 0) + 1
            self.values[name] = value
        self.values = {k: v for k, v in self.values.items() if counts[k] == 1}
        grew = True
        while grew:
            grew = False
            for name, value in assigns:
                if name not in self.outside:
                    how = self.from_outside(value)
                    if how:
                        self.outside[name] = how
                        self.kinds[name] = _part_kind(value)
                        grew = True

    def _lookups(self, fn: ast.AST) -> None:
        """Where each name is used as a key to find something: `table[name]`, `table.get(name)`,
        `name in table`, `Model.objects.filter(secret=name)`."""
        for node in ast.walk(fn):
            keys: list = []
            if isinstance(node, ast.Subscript):
                keys = [node.slice]
            elif isinstance(node, ast.If) and _leaves(node.body) and isinstance(node.test, ast.Compare) \
                    and len(node.test.ops) == 1 and isinstance(node.test.ops[0], ast.NotIn):
                keys = [node.test.left]  # `if key not in KNOWN: raise`; not `if key in revoked: raise`
            elif isinstance(node, ast.Call) and callee_name(node.func) in _LOOKUPS:
                keys = node.args[:1] if callee_name(node.func) == "get" else []
                keys += [k.value for k in node.keywords if k.arg is not None]
            for key in keys:
                if isinstance(key, ast.Name):
                    line = getattr(node, "lineno", 0)
                    self.lookups[key.id] = min(self.lookups.get(key.id, line), line)

    def given_copy(self, expr: ast.AST, held: ast.AST) -> Optional[str]:
        """How `expr` comes from outside when it is a parameter of a checking function compared with the
        object's own field of the same name (`def check_client_secret(self, client_secret): return
        self.client_secret == client_secret`): the object holds its copy, so the parameter is the one
        given to be checked, even though its name (`secret`) would otherwise make it the program's."""
        if not (isinstance(expr, ast.Name) and expr.id in self.given and isinstance(held, ast.Attribute)):
            return None
        owner = held.value
        if isinstance(owner, ast.Name) and owner.id in ("self", "cls") and held.attr.lstrip("_") == expr.id:
            return self.given[expr.id]
        return None

    def matched_before(self, expr: ast.AST, line: int) -> bool:
        """Whether the value `expr` (a name) was used, on an earlier line of the same function, as
        the key of a lookup: the lookup found what matches it exactly, so a later `==` with what it
        found decides nothing a guess could learn from (a route among known tokens, a filter)."""
        return isinstance(expr, ast.Name) and self.lookups.get(expr.id, line) < line

    def from_outside(self, expr: ast.AST) -> Optional[str]:
        """How `expr` comes from outside ("'X-Api-Key' header", "parameter 'token' of verify()"), or None."""
        if isinstance(expr, ast.Name):
            if expr.id in self.outside:
                return self.outside[expr.id]
            return f"'{expr.id}'" if any(w in _RECEIVED for w in words(expr.id)) else None
        root, parts = _root(expr)
        names = [p for p in parts if isinstance(p, str)]
        # `request.headers`, `self.request.GET`, `context.request.POST`: what follows the request object
        at = 0 if root in _REQUEST_ROOTS else next((i + 1 for i, n in enumerate(names) if n in ("request", "req")), None)
        if (at is not None and not (names[at:at + 1] and names[at] in _SERVER_SIDE)) or any(
            n in _REQUEST_READERS for n in names
        ):
            return _request_part(parts, root)
        if root is not None and root in self.outside and root not in ("self", "cls") and not any(
            isinstance(p, tuple) and p[0] == "data" for p in parts
        ) and all(p in _ACCESSORS for p in names):
            # `data["token"]`, `token.encode()`; not `user.password`, an object's field
            key = next((p[1] for p in parts if isinstance(p, tuple) and p[0] == "key"), None)
            kind = self.kinds.get(root)
            return f"'{key}' {kind}" if key and kind else self.outside[root]
        last = names[-1] if names else None
        if last and any(w in _RECEIVED for w in words(last)) and not isinstance(expr, ast.Call):
            return f"'{last}'"
        if isinstance(expr, ast.Call) and _transforms(expr) and not _table_lookup(expr):
            # `hash_password(typed)`: made from what was sent ...
            chain = _calls_in_chain(expr)
            given = [a for c in chain for a in list(c.args) + [k.value for k in c.keywords]]
            if any(_keyed(a) for a in given) or any(is_mac(c, self.hmac_names) for c in chain):
                return None  # ... but a MAC of it under the program's key is the program's secret
            for arg in given:
                how = self.from_outside(arg)
                if how:
                    return how
        if isinstance(expr, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            for part in [g.iter for g in expr.generators] + [expr.elt]:
                how = self.from_outside(part)
                if how:
                    return how
        if isinstance(expr, (ast.BinOp, ast.JoinedStr, ast.FormattedValue)):
            for child in ast.iter_child_nodes(expr):
                how = self.from_outside(child) if isinstance(child, ast.expr) else None
                if how:
                    return how
        return None

    def integer(self, expr: ast.AST) -> bool:
        """An int: `int(token)`, a local or parameter set once from one, a TOTP/HOTP value (RFC 6238 and
        RFC 4226 define them as numbers), a length."""
        if isinstance(expr, ast.Name) and expr.id in self.values:
            expr = self.values[expr.id]
        if isinstance(expr, ast.Constant):
            return type(expr.value) is int
        if isinstance(expr, ast.Call):
            callee = callee_name(expr.func)
            return callee in ("int", "len", "totp", "hotp", "ord") or _returns_int(callee, self.functions, 3)
        return False

    def constant(self, expr: ast.AST) -> bool:
        """A literal, a name bound once, at module or class level, to a literal, or a member of a class
        in capitals (`LoginType.REGISTRATION_TOKEN`: an enum's member names a kind)."""
        if isinstance(expr, ast.Constant):
            return True
        if isinstance(expr, ast.Attribute) and expr.attr.isupper() and isinstance(expr.value, ast.Name) \
                and expr.value.id[:1].isupper() and not expr.value.id.isupper():
            return True
        name = expr.id if isinstance(expr, ast.Name) else expr.attr if (
            isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id in ("self", "cls")
        ) else None
        return name is not None and isinstance(self.constants.get(name), ast.Constant)


def _run_together_check(word: str) -> bool:
    """`checkpassword`, `verifysignature`, `loginuser`: a checking verb run together with what it checks."""
    for prefix in _CHECK_PREFIXES:
        if word.startswith(prefix) and word != prefix:
            return word[len(prefix):].startswith(_CHECKED_THINGS)
    return False


def _leaves(body: list) -> bool:
    """Whether a block ends by leaving: `return`, `raise`, `continue`, `break`, or a call that
    raises by name (`abort(403)`, Flask and Bottle; `exit()`)."""
    last = body[-1] if body else None
    if isinstance(last, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
        return True
    return isinstance(last, ast.Expr) and isinstance(last.value, ast.Call) and callee_name(last.value.func) in ("abort", "exit")


def _bindings(node: ast.AST) -> list:
    """(targets, value) of a statement or expression that binds names to a value: `x = v`, `x: T = v`
    (an annotation changes nothing about where the value comes from), `(x := v)`."""
    if isinstance(node, ast.Assign):
        return [(node.targets, node.value)]
    if isinstance(node, ast.AnnAssign) and node.value is not None:
        return [([node.target], node.value)]
    if isinstance(node, ast.NamedExpr):
        return [([node.target], node.value)]
    return []


def module_functions(tree: ast.Module) -> Dict[str, list]:
    """Every function and method of the module, by name."""
    found: Dict[str, list] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.setdefault(node.name, []).append(node)
    return found


def _returns_int(name: str, functions: Dict[str, list], depth: int) -> bool:
    """Whether every same-module function of that name returns an int on every path it returns a
    value: `hotp()` ending in `% 10 ** digits`, a `token()` method returning `hotp(...)`."""
    fns = functions.get(name)
    if not fns or depth <= 0:
        return False
    for fn in fns:
        assigned: Dict[str, list] = {}
        for n in ast.walk(fn):
            if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
                assigned.setdefault(n.targets[0].id, []).append(n.value)
        values = [n.value for n in ast.walk(fn) if isinstance(n, ast.Return) and n.value is not None]
        # `hotp = code % 10 ** digits; return hotp`: a local set once, read for its value
        values = [assigned[v.id][0] if isinstance(v, ast.Name) and len(assigned.get(v.id, ())) == 1 else v for v in values]
        if not values or not all(_int_expr(v, functions, depth - 1) for v in values):
            return False
    return True


def _int_expr(expr: ast.AST, functions: Dict[str, list], depth: int) -> bool:
    if isinstance(expr, ast.Constant):
        return type(expr.value) is int
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Mod, ast.FloorDiv, ast.BitAnd, ast.RShift)):
        return True  # what these give from numbers is a number (a str `%` has a str on the left)
    if isinstance(expr, ast.Call):
        callee = callee_name(expr.func)
        return callee in ("int", "len", "ord") or _returns_int(callee, functions, depth)
    return False


def _calls_in_chain(expr: ast.AST) -> list:
    """The calls of a method chain, outermost first: `b64decode(x).decode().split(":")`."""
    calls = []
    while isinstance(expr, (ast.Call, ast.Attribute, ast.Subscript)):
        if isinstance(expr, ast.Call):
            calls.append(expr)
            expr = expr.func
        else:
            expr = expr.value
    return calls


def _table_lookup(call: ast.Call) -> bool:
    """`self._users.get(username)`, `store.pop(key)`: a method that finds what a table the program
    keeps holds under the value given; the result is the program's, not the sender's (a request's own
    `.get()` is read as the request's data before this is asked)."""
    return isinstance(call.func, ast.Attribute) and call.func.attr in ("get", "pop", "setdefault", "get_or_none")


def _transforms(call: ast.Call) -> bool:
    """Whether a call reshapes what it is given (`int(token)`, `hash_password(typed)`, `utf8(arg)`,
    `b64decode(cookie).split(":")`) rather than looking something up with it (`db.select(txn, ...)`):
    a call of one argument, or one named for a transformation."""
    given = len(call.args) + len(call.keywords)
    return given <= 1 or any(w in _TRANSFORMS for w in words(callee_name(call.func)))


def is_mac(call: ast.Call, aliases: Set[str] = frozenset()) -> bool:
    """`hmac.new(key, msg, ...)`, `hmac.HMAC(...)`, `hmac.digest(key, msg, ...)`, or one of them under
    a name the module gave it (`aliases`, see `hmac_names`): the first argument is a key by the API's
    definition (Python docs, hmac), whatever it is called."""
    func = call.func
    name = callee_name(func)
    owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
    spelled = f"{owner}.{name}" if owner else name
    return name == "HMAC" or (owner == "hmac" and name in ("new", "digest")) or spelled in aliases


def hmac_names(tree: ast.Module) -> Set[str]:
    """How the module spells the hmac module's MAC functions: `hnew` for `from hmac import new as
    hnew`, `HMAC`, `h.new` for `import hmac as h`."""
    found: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "hmac":
            found.update(a.asname or a.name for a in node.names if a.name in ("new", "HMAC", "digest"))
        elif isinstance(node, ast.Import):
            found.update(f"{a.asname or a.name}.{f}" for a in node.names if a.name == "hmac" for f in ("new", "HMAC", "digest"))
    return found


def _keyed(arg: ast.AST) -> bool:
    """An argument that holds key material (`KEY`, `hmac_key`, `secret + tag`): the call computes with
    the program's secret (a MAC, or a hash blinded with a fresh secret before comparing)."""
    return any(any(w in ("key", "secret", "pepper") for w in words(callee_name(node))) for node in ast.walk(arg))


def _request_part(parts: list, root: Optional[str] = None) -> str:
    """`'X-Api-Key' header`, `'csrftoken' cookie`, `request data` for the parts read from a request
    (`root`: the name the chain starts from; a submitted `form`'s attributes are its fields)."""
    if root == "form":  # Django's and WTForms' form, emmett's `form.params.password`
        fields = [p[1] for p in parts if isinstance(p, tuple) and p[0] in ("key", "data") and p[1]]
        return f"'{fields[-1]}' form field" if fields else "form data"
    read = [p[1].lstrip("_").lower() for p in parts if isinstance(p, tuple) and p[0] == "data" and p[1]]
    kind = next((_REQUEST_PARTS[name] for name in read if name in _REQUEST_PARTS), None)
    if kind is None:
        called = [p.replace("_", "").lower() for p in parts if isinstance(p, str)]
        kind = next((_READER_PARTS[name] for name in called if name in _READER_PARTS), None)
    key = next((p[1] for p in reversed(parts) if isinstance(p, tuple) and p[0] == "key"), None)
    if key and key.upper().startswith("HTTP_"):  # WSGI's environ / Django's META spelling of a header
        key, kind = key[5:].replace("_", "-").title(), "header"
    if key:
        return f"'{key}' {kind or 'request field'}"
    readers = [p for p in parts if isinstance(p, str) and p in _REQUEST_READERS]
    if readers:
        return f"a value from {readers[0]}()"
    return f"a request {kind}" if kind else "request data"


def _part_kind(value: ast.AST) -> str:
    """The kind of a whole part of a request bound to a name (`data = req.form` -> "form field"),
    so that `data["password"]` reads as the `'password' form field`; "" for anything else."""
    root, parts = _root(value)
    if root == "form" and not parts:
        return "form field"
    read = [p[1] for p in parts if isinstance(p, tuple) and p[0] == "data" and p[1]]
    return _REQUEST_PARTS.get(read[-1].lstrip("_").lower(), "") if read and parts[-1] == read[-1] else ""


def module_constants(tree: ast.Module) -> Dict[str, ast.AST]:
    """Names bound exactly once at module level or in a class body, to their value (a literal is a
    constant; anything else is there so that a name bound twice is not taken for one)."""
    seen: Dict[str, ast.AST] = {}
    twice: Set[str] = set()
    bodies = [tree.body] + [n.body for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    for body in bodies:
        for stmt in body:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(stmt, ast.AnnAssign) and stmt.value else []
            for t in targets:
                if isinstance(t, ast.Name):
                    if t.id in seen:
                        twice.add(t.id)
                    seen[t.id] = stmt.value  # type: ignore[attr-defined]
    return {k: v for k, v in seen.items() if k not in twice}
