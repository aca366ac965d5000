"""The rules table: one entry per code, with its message, its documentation and its examples.

The examples are the specification: tests run every `bad` example (it must give exactly the findings
listed, on the lines listed) and every `ok` example (it must give none), and the rule docs are
generated from the same entries. Codes are never reused once released.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from textwrap import dedent
from typing import Dict, Optional, Sequence, Tuple

from .model import Finding, Source

SECRETS_DOCS = "https://docs.python.org/3/library/secrets.html"
CWE_338 = "https://cwe.mitre.org/data/definitions/338.html"


@dataclass(frozen=True)
class Example:
    source: str
    lines: Tuple[int, ...] = ()  # lines that must be flagged (bad examples)
    fixed: Optional[str] = None  # the exact output of the fixer, where the rule has a fix
    title: str = ""
    unsafe_fixed: Optional[str] = None  # the exact output of the fixer with unsafe fixes, where it differs

    @property
    def unsafe_fixed_code(self) -> Optional[str]:
        return dedent(self.unsafe_fixed).lstrip("\n") if self.unsafe_fixed is not None else None

    @property
    def code(self) -> str:
        return dedent(self.source).lstrip("\n")

    @property
    def fixed_code(self) -> Optional[str]:
        return dedent(self.fixed).lstrip("\n") if self.fixed is not None else None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str  # kebab-case, describes the flagged pattern
    summary: str  # What it does (one sentence)
    why: str  # Why is this bad?
    fix_safety: str
    known_problems: str
    bad: Tuple[Example, ...]
    ok: Tuple[Example, ...]
    fix: str = "yes"  # whether `secure-random fix` rewrites it, for the rules table
    default_enabled: bool = True
    settings: Tuple[Tuple[str, object], ...] = ()  # Settings the examples need (e.g. strict mode)
    references: Tuple[str, ...] = field(default=(CWE_338, SECRETS_DOCS))


_WHY_MT = (
    "`random` is a Mersenne Twister: its whole state can be recovered from 624 consecutive 32-bit "
    "outputs, after which every past and future value is known. A password, token, key, salt, nonce "
    "or code made with it can be predicted by anyone who sees enough of its other output. The "
    "`secrets` module (or `random.SystemRandom`) draws from the operating system's CSPRNG instead."
)

RULES: Tuple[Rule, ...] = (
    Rule(
        code="RND101",
        name="random-function-makes-secret",
        summary="Flags a call to a `random` module function whose value becomes a secret.",
        why=_WHY_MT,
        fix_safety=(
            "The fix is exact: `choice`, `getrandbits`, and `randrange`/`randbytes`/`randint` with int "
            "literals become their `secrets` counterparts; every other method becomes "
            "`secrets.SystemRandom().<method>(...)`, which has the same signature and checks."
        ),
        known_problems=(
            "Values are followed through helpers of the same module and, from the command line and under "
            "flake8, through functions of other modules of the project (the folder with `pyproject.toml`, `setup.cfg`, "
            "`setup.py` or `.git`) called by a name an import binds: `from .utils import rand_str`, "
            "`utils.rand_str()`, `Gen.make()`, `gen.make()` on an instance of a CapWords class bound once "
            "(`gen = Gen()`, `self.gen = utils.Gen()`, `Gen().make()`), a package's re-export. Such a draw "
            "is reported where it is made, naming the module that makes the secret (`random.choice() in "
            "rand_str() builds 'api_token' in accounts/views.py:6`). Not followed across modules: an "
            "instance that a name holds among other values or that comes from a factory function, what a "
            "helper of another module does with its arguments, module-level values imported from "
            "another module. flake8's `--secure-random-no-cross-module` judges each file alone, and the libcst "
            "codemod sees one file at a time. Values that only flow through objects of other classes are not followed."
        ),
        bad=(
            Example(
                title="a password from `random.choice`",
                source='''
                import random
                import string

                def new_password(length=16):
                    alphabet = string.ascii_letters + string.digits
                    password = "".join(random.choice(alphabet) for _ in range(length))
                    return password
                ''',
                lines=(6,),
                fixed='''
                import secrets
                import string

                def new_password(length=16):
                    alphabet = string.ascii_letters + string.digits
                    password = "".join(secrets.choice(alphabet) for _ in range(length))
                    return password
                ''',
            ),
            Example(
                title="a 6-digit one-time code",
                source='''
                from random import randint

                otp = randint(100000, 999999)
                ''',
                lines=(3,),
                fixed='''
                import secrets

                otp = secrets.randbelow(900000) + 100000
                ''',
            ),
            Example(
                title="an API key from `getrandbits`, through a helper",
                source='''
                import random as r

                def _hex(bits):
                    return "%x" % r.getrandbits(bits)

                api_key = _hex(128)
                ''',
                lines=(4,),
                fixed='''
                import secrets

                def _hex(bits):
                    return "%x" % secrets.randbits(bits)

                api_key = _hex(128)
                ''',
            ),
            Example(
                title="a reset token from `randbytes`",
                source='''
                import base64
                import random

                def make_reset_link(user):
                    token = base64.urlsafe_b64encode(random.randbytes(32)).decode()
                    return f"/reset/{user.id}/{token}"
                ''',
                lines=(5,),
                fixed='''
                import base64
                import secrets

                def make_reset_link(user):
                    token = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
                    return f"/reset/{user.id}/{token}"
                ''',
            ),
        ),
        ok=(
            Example(
                title="the `secrets` module",
                source='''
                import secrets
                import string

                alphabet = string.ascii_letters + string.digits
                password = "".join(secrets.choice(alphabet) for _ in range(16))
                otp = secrets.randbelow(900000) + 100000
                api_key = secrets.token_hex(32)
                ''',
            ),
            Example(
                title="dice, sampling and jitter are not secrets",
                source='''
                import random
                import time

                def roll():
                    return random.randint(1, 6)

                def backoff(attempt):
                    time.sleep(2 ** attempt + random.random())

                batch = random.sample(range(1000), 10)
                ''',
            ),
            Example(
                title="`random` rebound to a SystemRandom, or a parameter merely named `random`",
                source='''
                import random

                random = random.SystemRandom()
                token = "".join(random.choice("abcdef0123456789") for _ in range(32))

                def pick(random, items):
                    password = random.choice(items)
                    return password
                ''',
            ),
            Example(
                title="a dict key is not a key",
                source='''
                import random

                def any_entry(table):
                    key = random.choice(list(table))
                    return table[key]
                ''',
            ),
        ),
    ),
    Rule(
        code="RND102",
        name="random-generator-makes-secret",
        summary="Flags a `random.Random` instance (or numpy generator) whose output becomes a secret.",
        why=_WHY_MT + " Seeding the instance (often with the time or a constant) makes it worse.",
        fix_safety=(
            "Replaced only where every use of the generator is a call of one of its value methods "
            "(`rng.choice(...)`), which SystemRandom has with the same signature; a generator whose state "
            "may be used (`getstate`, `setstate`, `seed`), or that is passed on, aliased, copied or pickled, "
            "is left alone. A literal seed is dropped: a SystemRandom cannot be seeded, which is the point. "
            "Any other seed argument is kept and still evaluated, then ignored; a seed of a type `seed()` "
            "rejects (a list, on Python 3.11+) no longer raises TypeError."
        ),
        known_problems="Instances stored on attributes are matched by attribute name within the module.",
        fix="yes, for `random.Random`",
        bad=(
            Example(
                title="a session id from a module-level generator",
                source='''
                import random

                _rng = random.Random()

                def new_session_id():
                    return "%032x" % _rng.getrandbits(128)
                ''',
                lines=(3,),
                fixed='''
                import secrets

                _rng = secrets.SystemRandom()

                def new_session_id():
                    return "%032x" % _rng.getrandbits(128)
                ''',
            ),
            Example(
                title="an instance on `self`",
                source='''
                import random
                import string

                class TokenFactory:
                    def __init__(self, seed=None):
                        self._rng = random.Random(seed)

                    def make(self):
                        token = "".join(self._rng.choice(string.hexdigits) for _ in range(40))
                        return token
                ''',
                lines=(6,),
                fixed='''
                import secrets
                import string

                class TokenFactory:
                    def __init__(self, seed=None):
                        self._rng = secrets.SystemRandom(seed)

                    def make(self):
                        token = "".join(self._rng.choice(string.hexdigits) for _ in range(40))
                        return token
                ''',
            ),
        ),
        ok=(
            Example(
                title="a seeded generator for a reproducible simulation",
                source='''
                import random

                rng = random.Random(42)
                samples = [rng.gauss(0, 1) for _ in range(100)]
                ''',
            ),
            Example(
                title="a SystemRandom instance",
                source='''
                import random

                rng = random.SystemRandom()
                salt = "".join(rng.choice("0123456789abcdef") for _ in range(16))
                ''',
            ),
        ),
    ),
    Rule(
        code="RND103",
        name="seed-for-secret",
        summary="Flags `random.seed()` in a function whose `random` calls make a secret.",
        why=(
            "Seeding does not make `random` unpredictable: a seed from the time, a pid or a counter is "
            "guessable in a few thousand tries, and whatever the seed, the generator remains a Mersenne "
            "Twister. " + _WHY_MT.split(". ", 1)[1]
        ),
        fix_safety="Not fixed automatically: removing a seed silently changes behaviour. Remove it by hand once the calls it fed use `secrets`.",
        known_problems="Only a seed in the same function (or at module level with the calls) is linked to the secret.",
        fix="no",
        bad=(
            Example(
                title="a token from a time-seeded generator",
                source='''
                import random
                import time

                def auth_token():
                    random.seed(time.time())
                    return "%x" % random.getrandbits(64)
                ''',
                lines=(5, 6),
                fixed='''
                import random
                import secrets
                import time

                def auth_token():
                    random.seed(time.time())
                    return "%x" % secrets.randbits(64)
                ''',
            ),
        ),
        ok=(
            Example(
                title="seeding for reproducible data",
                source='''
                import random

                random.seed(1234)
                data = [random.random() for _ in range(10)]
                ''',
            ),
        ),
    ),
    Rule(
        code="RND104",
        name="numpy-random-makes-secret",
        summary="Flags a `numpy.random` function whose value becomes a secret.",
        why=(
            "numpy's generators (the legacy `RandomState` Mersenne Twister and the PCG64 default) are built "
            "for statistics, not secrecy: their state can be recovered from their output. Use `secrets`."
        ),
        fix_safety="Not fixed automatically: numpy's signatures differ from `random`'s (exclusive upper bounds, array shapes).",
        known_problems="Array-valued results are followed like any other value.",
        fix="only `numpy.random.bytes(n)`",
        bad=(
            Example(
                title="a PIN from numpy",
                source='''
                import numpy as np

                pin = "".join(str(d) for d in np.random.randint(0, 10, size=4))
                ''',
                lines=(3,),
            ),
        ),
        ok=(
            Example(
                title="numpy for data",
                source='''
                import numpy as np

                noise = np.random.normal(0, 1, size=100)
                idx = np.random.permutation(100)
                ''',
            ),
        ),
    ),
    Rule(
        code="RND201",
        name="secret-token-too-short",
        summary="Flags a token, key or secret drawn with `secrets.token_*()` or `os.urandom()` from fewer than 16 bytes.",
        why=(
            "A secure source does not make a short value safe: `secrets.token_hex(4)` is 32 bits, which a few "
            "billion guesses exhaust. Python's documentation recommends 32 bytes; below 16 bytes (128 bits) a "
            "token can be brute-forced offline, and a reset or invitation link by a determined attacker online."
        ),
        fix_safety="Not fixed automatically: a longer token changes the value's length and format (database columns, URLs).",
        known_problems=(
            "Only an int literal byte count is judged. OTPs, PINs, verification codes, backup and recovery "
            "codes, salts, IVs, nonces and protocol challenges (NTLM fixes 8 bytes) are "
            "exempt: they are short by design, single-use and rate-limited, or not secret in the same sense. A "
            "password is judged by RND202's threshold (`min-password-bits`, 64 by default), not a token's "
            "128 bits. A draw that is a default (`self.api_key = api_key or secrets.token_hex(8)`) counts."
        ),
        bad=(
            Example(
                title="a reset token of 4 bytes",
                source='''
                import secrets

                def new_reset_token():
                    return secrets.token_hex(4)
                ''',
                lines=(4,),
            ),
            Example(
                title="an API key from os.urandom",
                source='''
                from os import urandom

                api_key = urandom(8).hex()
                ''',
                lines=(3,),
            ),
        ),
        ok=(
            Example(
                title="32 bytes, and short values that are short by design",
                source='''
                import os
                import secrets

                reset_token = secrets.token_urlsafe(32)
                otp_seed = secrets.token_bytes(20)
                iv = os.urandom(12)
                request_id = secrets.token_hex(4)
                ''',
            ),
        ),
        fix="no",
        references=("https://cwe.mitre.org/data/definitions/331.html", "https://docs.python.org/3/library/secrets.html#how-many-bytes-should-tokens-use"),
    ),
    Rule(
        code="RND202",
        name="password-too-weak",
        summary="Flags a password or key built with `secrets` (or `random`, which RND101 also reports) from a known alphabet and a literal length with too little entropy.",
        why=(
            "Entropy is length times log2 of the alphabet: 8 lowercase letters are 37.6 bits, found in hours by "
            "an offline attack on a leaked hash. The threshold is 64 bits by default (`min-password-bits`). "
            "OTPs, PINs and verification codes are exempt: they are short by design and protected by rate limits."
        ),
        fix_safety="Not fixed automatically: a longer password changes what users and systems receive.",
        known_problems=(
            "Only `\"\".join(secrets.choice(A) for _ in range(N))`, `SystemRandom().choices(A, k=N)` and "
            "`.sample(A, N)` with a literal N and an alphabet made of `string` constants and literals are measured; "
            "the same with `random.choice`, `random.choices` and `random.sample`, so that a short password "
            "made with `random` gets RND101 and RND202 in one run and fixing the first does not reveal the "
            "second on the next commit."
        ),
        bad=(
            Example(
                title="8 lowercase letters",
                source='''
                import secrets
                import string

                def temporary_password():
                    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))
                ''',
                lines=(5,),
            ),
        ),
        ok=(
            Example(
                title="16 characters from 62, and a 6-digit OTP",
                source='''
                import secrets
                import string

                ALPHABET = string.ascii_letters + string.digits
                password = "".join(secrets.choice(ALPHABET) for _ in range(16))
                otp = "".join(secrets.choice(string.digits) for _ in range(6))
                ''',
            ),
        ),
        fix="no",
        references=("https://cwe.mitre.org/data/definitions/521.html", "https://docs.python.org/3/library/secrets.html#recipes-and-best-practices"),
    ),
    Rule(
        code="RND203",
        name="predictable-value-as-secret",
        summary="Flags a token, session id, key or nonce whose only ingredient is a clock, `uuid1()`, `id()` or `hash()`.",
        why=(
            "`uuid.uuid1()` is the time and the host's MAC address; `time.time()` is known to the second and guessed "
            "to the microsecond in about a million tries; `id()` is a memory address; hashing any of them "
            "(`md5(str(time.time()))`) adds no unpredictability. `uuid.uuid4()` and `secrets` are fine."
        ),
        fix_safety="Not fixed automatically: the replacement's format (length, alphabet) is the author's choice.",
        known_problems=(
            "Only values built in one expression are judged (`token = md5(str(time.time())).hexdigest()`); a value "
            "that mixes in any random or secrets call is not reported, and the clock call must stand in the statement "
            "that names the secret (or in a `return` of a function named for one). A clock reading that stays a time is not "
            "reported: a deadline (`time.time() + 3600`, `now() + timedelta(...)`) or a field named as a time "
            "(`{\"exp\": ...}`, `expires_on=...`), a reading in a subtraction (`time.monotonic() - "
            "self.updated`: a duration, as in a rate limiter's bucket of tokens or tokens counted per second) or "
            "one of several arguments of a class (`AccessToken(value, time.time())`), even when the rest of the "
            "token is predictable too. A token of "
            "a lock, a pager or a parser (`lock_token`, `token` in `class Lock`) is not a secret, nor is "
            "a nonce or a challenge (sent in the clear, it only has to be fresh). A value that also takes "
            "what a maker of its own returns (`str(time.time()) + self.new_id()`) is not the clock alone. "
            "One finding per clock reading, however many names its value reaches."
        ),
        bad=(
            Example(
                title="a session id from uuid1",
                source='''
                import uuid

                session_id = str(uuid.uuid1())
                ''',
                lines=(3,),
            ),
            Example(
                title="a reset token hashed from the time",
                source='''
                import hashlib
                import time

                def make_reset_token(user):
                    return hashlib.sha256(f"{user.id}{time.time()}".encode()).hexdigest()
                ''',
                lines=(5,),
            ),
        ),
        ok=(
            Example(
                title="uuid4, secrets, and timestamps that are not secrets",
                source='''
                import secrets
                import time
                import uuid

                session_id = str(uuid.uuid4())
                reset_token = secrets.token_urlsafe(32)
                token_issued_at = time.time()
                token_expired = time.time() > 0
                ''',
            ),
            Example(
                title="a clock reading that stays a time: an expiry, a lock's owner token",
                source='''
                import time
                import uuid

                def issue(value, ttl):
                    token = {"sub": value, "exp": time.time() + 3600}
                    access_token = AccessToken(value, expires_on=int(time.time()))
                    return token, access_token

                class Lock:
                    def acquire(self):
                        self.token = uuid.uuid1().hex
                ''',
            ),
        ),
        fix="no",
        references=("https://cwe.mitre.org/data/definitions/340.html", "https://docs.python.org/3/library/secrets.html"),
    ),
    Rule(
        code="RND301",
        name="secret-compared-with-eq",
        summary=(
            "Flags a secret (a token, signature, HMAC, API key, password or its hash, CSRF token, one-time "
            "code) compared with `==` or `!=` to a value that comes from outside: request data, a parameter "
            "of a function that verifies, checks, authenticates or logs in (or of a view or a routed "
            "handler), a name that says it was received (`provided`, `submitted`, `typed_password`), or "
            "what is computed from them."
        ),
        why=(
            "`==` on strings and bytes stops at the first byte that differs, so the time a check takes tells "
            "an attacker how much of a guess was right; a token or an HMAC signature can then be found byte by "
            "byte (CWE-208). That needs an attacker who sends the guesses, so the rule asks that one side "
            "comes from outside and the other is a secret the program holds. `secrets.compare_digest()` (the "
            "same as `hmac.compare_digest()`) takes the same time whatever the inputs."
        ),
        fix_safety=(
            "An unsafe fix, applied only by `secure-random fix --unsafe-fixes` (or `unsafe-fixes = true`): "
            "`a == b` becomes `secrets.compare_digest(a, b)` and `a != b` becomes "
            "`not secrets.compare_digest(a, b)`. It is unsafe because `compare_digest()` accepts only str "
            "holding ASCII characters and bytes-like objects: for a str with other characters, a str against "
            "bytes, or None it raises TypeError where `==` returned False, so an attacker's non-ASCII header "
            "can turn a rejected request into an error. Review each rewrite; where a side may hold other "
            "characters, encode both sides (`a.encode(), b.encode()`)."
        ),
        known_problems=(
            "Names tell which side is secret, and the flow inside one function tells which side comes from "
            "outside: a value received in one function and compared in another whose name says nothing "
            "about checking is missed, as is a secret held in a variable with a neutral name (a local set "
            "once from a MAC or hash computation counts: `expected = hmac.new(...).hexdigest()`). Not "
            "reported: two values the program already holds (change detection, `record.secret != "
            "new_secret`), two values that both come from outside (a password and its confirmation), a "
            "constant on either side (a literal, a module or class attribute bound to one), values public "
            "by design (a nonce; OAuth 1.0a's `oauth_token`, RFC 5849 §2.1), flags and kinds "
            "(`verify_signature`, `token_type`, `signature_method`), identifiers (`session_key != "
            "user.pk`), fields of a looked-up object passed to a checker (`user.password` in `login(user, "
            "typed)` is the secret side), a lock's, pager's or parser's token, a plain `digest` in a "
            "function that names no key, secret or signature (a checksum), a class or an ORM model's column "
            "(`Token.secret == sent` inside `.filter()` builds SQL; `hint == OAuthToken` compares types; a "
            "class's setting in capitals, `Config.API_KEY`, counts as a constant), a value the same function "
            "already used as a lookup key before the comparison (`tokens[sent]`, `tokens.get(sent)`, "
            "`.filter(secret=sent)`, `if sent not in KNOWN: raise`: the lookup matched it, the `==` only "
            "chooses among matches), any comparison handed to a query builder as a condition (an argument of "
            "`where`, `filter`, `filter_by`, `having`, `join`, `and_`, `or_`, `case`, `get_or_none`...: the "
            "database compares), a marker for a missing or hidden secret (`FAILED_TO_DECRYPT_PASSWORD`, "
            "`MASKED_PASSWORD`, `NO_TOKEN`), and comparisons inside `__eq__`, `assert` or "
            "`self.assertTrue(...)`. A function checks what it is given when its name has a checking verb "
            "(`verify_`, `check_`, `is_valid`, `login`) or one run together with a credential (`checkpw`, "
            "`verifysignature`), not `checksum`, `checkpoint` or `run_checks`. Its parameter named like "
            "the secret (`secret`, `key`) is the program's own, unless it is compared with the object's "
            "field of the same name (`self.client_secret == client_secret` in `check_client_secret`). A "
            "password sent and compared with the copy a table keeps under another key "
            "(`self._users.get(username) == password`, `USERS[name] != password`) is reported. "
            "A comparison split over lines is found when the operator begins or ends one of them. The "
            "message names the part of the request a value came from (`'X-Api-Key' header`, `'token' path "
            "segment`, `'password' form field`) and the secret side as the code spells it."
        ),
        bad=(
            Example(
                title="a webhook signature",
                source='''
                import hashlib
                import hmac

                def verify(secret, body, signature):
                    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
                    return signature == expected
                ''',
                lines=(6,),
                unsafe_fixed='''
                import hashlib
                import hmac
                import secrets

                def verify(secret, body, signature):
                    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
                    return secrets.compare_digest(signature, expected)
                ''',
            ),
            Example(
                title="an API token from a header",
                source='''
                def authorised(request, client):
                    if request.headers["X-Api-Token"] != client.api_token:
                        return False
                    return True
                ''',
                lines=(2,),
                unsafe_fixed='''
                import secrets


                def authorised(request, client):
                    if not secrets.compare_digest(request.headers["X-Api-Token"], client.api_token):
                        return False
                    return True
                ''',
            ),
        ),
        ok=(
            Example(
                title="a constant-time comparison, and comparisons with literals or non-secrets",
                source='''
                import secrets

                def verify(signature, expected, token, token_type):
                    if token == "" or token is None:
                        return False
                    if token_type != "bearer":
                        return False
                    return secrets.compare_digest(signature, expected)
                ''',
            ),
            Example(
                title="identifiers, checksums, a lock's token, and tests",
                source='''
                import zlib

                def current_user(request, user):
                    return request.session_key != user.pk

                def read_record(raw, stored_digest):
                    computed_digest = zlib.crc32(raw)
                    if stored_digest != computed_digest:
                        raise ValueError("corrupt record")

                class RedisLock:
                    def owned(self, stored_token):
                        return stored_token == self.token

                def test_login(client, expected):
                    assert client.session_token == expected
                ''',
            ),
            Example(
                title="values the program already holds, both sides from outside, constants, public values",
                source='''
                def update_mfa(record, new_secret):
                    if new_secret and record.totp_secret != new_secret:
                        record.totp_secret = new_secret

                def validate(attrs):
                    if attrs["password"] != attrs["password_confirm"]:
                        raise ValueError("passwords differ")

                class PasswordResetConfirmView:
                    reset_url_token = "set-password"

                    def dispatch(self, request, token):
                        if token == self.reset_url_token:
                            return self.render(request)

                def check_replay(request, cache):
                    nonce = request.headers["X-Nonce"]
                    return nonce == cache.last_nonce
                ''',
            ),
        ),
        fix="unsafe (`--unsafe-fixes`)",
        references=("https://cwe.mitre.org/data/definitions/208.html", "https://docs.python.org/3/library/secrets.html#secrets.compare_digest"),
    ),
    Rule(
        code="RND901",
        name="non-cryptographic-random",
        summary="Flags every other call of a non-cryptographic random generator, secret or not (strict mode, off by default).",
        why=(
            "For audits that want every use of `random` on record, as bandit's B311 reports them, with this "
            "tool's name resolution: aliases, from-imports and generator instances are followed, "
            "`SystemRandom` and names merely called `random` are not reported. Most such calls are "
            "harmless; the ones that make secrets are RND101-RND104."
        ),
        fix_safety="Not fixed: nothing says the value must be unpredictable, and seeded generators are often wanted.",
        known_problems="Reports harmless uses by design. Enable with `--strict` or flake8's `--extend-select RND9`.",
        bad=(
            Example(
                title="a dice roll, in strict mode",
                source='''
                import random

                def roll():
                    return random.randint(1, 6)
                ''',
                lines=(4,),
            ),
        ),
        ok=(
            Example(
                title="SystemRandom, in strict mode",
                source='''
                import random

                def roll():
                    return random.SystemRandom().randint(1, 6)
                ''',
            ),
        ),
        fix="no",
        default_enabled=False,
        settings=(("strict", True),),
    ),
)

BY_CODE: Dict[str, Rule] = {r.code: r for r in RULES}
_CODE_FOR_KIND = {"function": "RND101", "generator": "RND102", "seed": "RND103", "numpy": "RND104"}


def suggestion(src: Source) -> str:
    """What to use instead, for the message: the fix's target where there is one."""
    call = src.node
    method = src.method
    if src.kind == "generator":
        return "secrets.SystemRandom()"
    if src.kind == "seed":
        return "the secrets module (seeding cannot make random unpredictable)"
    if src.kind == "numpy":
        return "the secrets module"
    ints = [a for a in call.args if isinstance(a, ast.Constant) and type(a.value) is int]
    literal_args = not call.keywords and len(ints) == len(call.args)
    if method == "choice":
        return "secrets.choice()"
    if method == "getrandbits":
        return "secrets.randbits()"
    if method == "randrange" and literal_args and len(call.args) == 1:
        return "secrets.randbelow()"
    if method == "randint" and literal_args and len(call.args) == 2:
        return "secrets.randbelow()"
    if method == "randbytes" and literal_args and len(call.args) == 1:
        return "secrets.token_bytes()"
    return f"secrets.SystemRandom().{method}()"


def finding_at(code: str, node_span: Tuple[int, int, int, int], lines: Sequence[str], message: str, why: str,
               qualname: str, secret: str) -> Finding:
    """A Finding over ast's (line, byte col, end line, end byte col), with columns in characters."""
    line, col, end_line, end_col = node_span
    return Finding(
        code=code, line=line, col=char_col(lines, line, col), end_line=end_line,
        end_col=char_col(lines, end_line, end_col), message=message, why=why, qualname=qualname,
        secret=secret, col_bytes=col, end_col_bytes=end_col,
    )


def span(node) -> Tuple[int, int, int, int]:
    return (node.lineno, node.col_offset, node.end_lineno or node.lineno, node.end_col_offset or node.col_offset)


def finding_for(src: Source, secret: str, why: str, lines: Sequence[str], via: str = "", where: str = "") -> Finding:
    """The RND1xx finding for a draw that builds `secret`. `via` and `where` for a draw another module
    makes a secret: the function returning it here (`rand_str()`) and the other module's `path:line`."""
    code = _CODE_FOR_KIND[src.kind]
    what = secret if secret.startswith("'") else f"'{secret}'"  # a context arrives quoted: 'self.x' of class Y
    if via:
        message = f"{src.qualname}() in {via} builds {what} in {where}; use {suggestion(src)}"
    elif src.kind == "seed":
        message = f"{src.qualname}() seeds the generator that builds {what}; use {suggestion(src)}"
    elif src.kind == "generator":
        message = f"{src.qualname}() generator builds {what}; use {suggestion(src)}"
    else:
        message = f"{src.qualname}() builds {what}; use {suggestion(src)}"
    return finding_at(code, (src.line, src.col, src.end_line, src.end_col), lines, message, why, src.qualname, secret)


def char_col(lines: Sequence[str], line: int, byte_col: int) -> int:
    """ast reports UTF-8 byte offsets; editors and flake8 count characters."""
    if 0 < line <= len(lines):
        text = lines[line - 1]
        if not text.isascii():
            return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))
    return byte_col


def strict_finding_for(src: Source, lines: Sequence[str]) -> Finding:
    what = "generator" if src.kind == "generator" else "call"
    return finding_at(
        "RND901", (src.line, src.col, src.end_line, src.end_col), lines,
        f"{src.qualname}() is not a cryptographically secure {what}; use secrets if the value must be unpredictable",
        f"strict mode reports every {src.qualname}() {what}; no secret was found for this one",
        src.qualname, "",
    )
