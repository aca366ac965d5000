"""Identifier words: which names say "this value is a secret", and which say "this is harmless".

Names are split into words (snake_case, camelCase, digits) and matched word by word, never by
substring: `monkey`, `keyboard` and `tokenize` say nothing about secrets. Run-together words such as
`csrftoken` or `apikey` are split when both halves are known words.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

# A word that on its own says the value is a secret.
STRONG = frozenset(
    {
        "password", "passwd", "passwort", "pwd", "passphrase", "passcode", "passkey", "pw", "pword",
        "secret", "token", "salt", "nonce", "cnonce", "otp", "totp", "hotp", "csrf", "xsrf",
        "credential", "credentials", "cookie", "signature", "captcha", "apikey", "verifier",
        "pin", "iv", "2fa", "mfa", "sessionid", "sessid", "psk", "privkey", "seckey", "challenge",
        "urandom",
    }
)

# Strong words with a common harmless sense (a lexer token, a GPIO pin, a MIME boundary's nonce -- a
# "number used once" that only needs to be unique): a function whose name ends in the harmless thing
# it makes (`_make_boundary`) may veto these as its locals, never the others.
AMBIGUOUS = frozenset({"token", "pin", "cookie", "signature", "challenge", "salt", "pw", "nonce"})

# A word that names a secret only next to a qualifier (`api_key`, `reset_code`, `session_id`);
# alone (`key`, `code`, `id`) it is far more often a dict key, a status code or a row id.
WEAK = frozenset({"key", "code", "id", "sid", "hash", "string", "str", "link", "url", "number", "num", "word", "phrase", "pass", "ticket", "answer", "text"})

# Last words that make a name about a secret, not the secret itself (`token_count`, `password_length`).
NOT_SECRET_HEADS = frozenset(
    {
        "count", "length", "len", "size", "type", "kind", "field", "fields", "prefix", "suffix",
        "format", "fmt", "pattern", "regex", "policy", "expiry", "expires", "expiration", "ttl", "age",
        "max", "min", "limit", "header", "param", "var", "env", "setting", "settings", "option",
        "options", "config", "mode", "method", "algorithm", "alg", "charset", "alphabet", "chars",
        "characters", "rule", "rules", "validator", "error", "errors", "exists", "valid", "required",
        "at", "time", "timestamp", "ts", "date", "created", "updated", "issued", "expired", "seconds",
        "changed", "modified", "rotated",
    }
)

# Harmless senses of the ambiguous strong words: a word next to one of these, in the name or in the
# enclosing function or class, says which sense is meant.
HARMLESS_SENSES = {
    # a lock's owner token (shown to every client of the lock), a page or continuation cursor, a
    # cancellation handle, a lexer's or parser's token, a language model's tokens, a rate limiter's bucket
    "token": frozenset(
        {"lock", "lease", "mutex", "semaphore", "page", "pagination", "continuation", "cancellation", "cancel",
         "sync", "lexer", "lex", "parser", "parse", "tokenizer", "vocab", "vocabulary", "eos", "bos", "pad", "unk",
         "sep", "cls", "bucket", "sampling", "sampler", "logits", "prompt", "subword", "bpe", "embedding",
         "next", "start", "end", "stop"}  # `next_token` is a pagination cursor (AWS NextToken) or a model's output
    ),
    # a microcontroller's pins
    "pin": frozenset(
        {"led", "gpio", "pwm", "analog", "digital", "io", "button", "sensor", "motor", "servo", "relay", "irq",
         "spi", "i2c", "uart", "sda", "scl", "board", "arduino", "raspberry"}
    ),
    # music notation (time and key signatures), a function's or method's signature, a detection pattern
    # (a p0f/IDS/antivirus signature, a file's magic bytes)
    "signature": frozenset({"time", "key", "meter", "music", "song", "chord", "note", "function", "func", "method",
                            "call", "type", "inspect", "fingerprint", "packet", "tcp", "ids", "virus", "malware",
                            "yara", "magic"}),
    # image noise (salt-and-pepper), cooking
    "salt": frozenset({"pepper", "noise", "recipe", "ingredient", "ingredients", "cook", "cooking", "food", "dish"}),
    # a proof-of-work nonce is published with the block it was mined for
    "nonce": frozenset({"block", "mine", "mining", "miner", "pow", "proof", "difficulty"}),
}

# Words that say a value only stands in for a secret: `fake_password`, `dummy_token`, `FakeUser`.
FAKE = frozenset(
    {"fake", "faker", "dummy", "mock", "mocked", "example", "sample", "demo", "placeholder", "stub", "bogus", "test", "testing"}
)

# Names of the value a challenge asks for: in code about a captcha or a code (a module, a package, a
# class named so), `text`, `answer` and `code` are that secret, and drawing words around them (`image.py`,
# `CaptchaImage`, `draw_text`) describe the picture of it, not it.
ANSWER_WORDS = frozenset(
    {"answer", "text", "code", "string", "str", "word", "phrase", "solution", "result", "chars", "characters"}
)

# What a fake-data function or class stands in for, besides a secret itself: a person's whole record
# (`FakeUser`, `make_dummy_account()`, `fake_profile_data()`), whose password is as fake as its name.
FAKED_RECORDS = frozenset(
    {"user", "users", "account", "accounts", "person", "people", "profile", "identity", "record", "records",
     "login", "data", "member", "customer", "employee"}
)

# Words that only say a value was made at random or is the current one: `self.random_value`,
# `self._gen_code`, `self.current` -- they leave it to the class to say what the value is.
NEUTRAL_MODIFIERS = frozenset({"random", "rand", "rnd", "new", "gen", "generated", "current", "cur", "my", "the"})

# What a game keeps secret: `secret_number`, `secret_word` (guess-the-number, hangman).
GAME_HEADS = frozenset({"number", "num", "word", "letter", "digit", "card", "animal", "color", "colour", "guess", "move"})

# Words that turn a weak word into a secret.
QUALIFIERS = frozenset(
    {
        "api", "access", "secret", "private", "priv", "session", "sess", "encryption", "encrypt",
        "crypt", "crypto", "cipher", "hmac", "signing", "sign", "master", "aes", "des", "shared",
        "auth", "authentication", "authorization", "activation", "activate", "reset", "recovery",
        "verification", "verify", "confirmation", "confirm", "invite", "invitation", "login",
        "security", "sms", "email", "magic", "unlock", "backup", "one", "onetime", "license",
        "licence", "bearer", "refresh", "consumer", "oauth", "jwt", "wep", "wpa", "ssh",
        "rsa", "kerberos", "krb", "cryptographic", "symmetric", "captcha", "pin", "pass", "otp",
        "mfa", "2fa", "csrf", "xsrf", "nonce", "salt", "secure", "coupon", "voucher", "promo",
        "gift", "redeem", "redemption", "discount",
    }
)

# Qualifiers that only make `key` or `session` a secret: `server_key`, `generate_key()`, `new_session()`.
# `client` is one: a client key is TLS key material, a client id is public (OAuth 2.0, RFC 6749 §2.2,
# says client identifiers are not secret; MQTT client ids are connection names).
KEY_ONLY_QUALIFIERS = frozenset({"user", "server", "app", "application", "account", "device", "wifi", "client"})
MAKER_QUALIFIERS = frozenset({"new", "gen", "generate", "make", "create"})
# Words after `key` that make it key material: a key pair's private half (`key_pair`, `make_keypair`),
# key generation (`keygen`, `key_gen`) -- a dict key is never "generated" or "paired".
KEY_MATERIAL_HEADS = frozenset({"pair", "pairs", "gen", "generation", "generator"})

# Words that say a value is harmless: these lower suspicion of weak matches, never of strong ones.
BENIGN = frozenset(
    {
        "jitter", "backoff", "delay", "sleep", "retry", "retries", "wait", "interval", "timeout",
        "sample", "sampling", "shuffle", "shuffled", "color", "colour", "rgb", "hue", "port",
        "boundary", "mime", "trace", "tracing", "request", "correlation", "test", "tests", "mock",
        "fake", "faker", "dummy", "example", "demo", "noise", "simulate", "simulation", "bench",
        "benchmark", "lorem", "ipsum", "game", "dice", "roll", "weight", "weights", "sort", "row",
        "column", "index", "idx", "offset", "position", "pos", "angle", "font", "size", "width",
        "height", "temp", "tmp", "filename", "file", "dir", "path", "name", "label", "node",
        "server", "host", "balance", "balancing", "dict", "keys", "cache", "bucket", "shard",
        "partition", "worker", "slot", "event", "log", "logging", "mac",
        "draw", "render", "image", "img", "picture", "photo", "wave", "audio", "sound", "voice",
        "babble", "theme", "style", "background", "bg", "foreground", "canvas", "pixel", "line",
        "lines", "dot", "dots", "point", "points", "curve", "arc", "distort", "distortion", "warp",
        "rotate", "rotation", "opacity", "alpha", "splay", "schedule", "cron", "proxy", "referral",
        "failover", "order", "username", "nickname", "guid", "uuid", "boundary", "shape", "gradient",
        "blur", "filter", "effect", "animation", "frame", "speed", "level", "volume", "spacing",
        "rect", "rectangle", "box", "bbox", "circle", "ellipse", "polygon", "coord", "coords", "xy",
    }
)

# Run-together spellings to try splitting (`csrftoken`, `apikey`, `sessionid`).
_SPLIT_HALVES = STRONG | WEAK | QUALIFIERS | KEY_ONLY_QUALIFIERS | {"session"}

# Secret words that package names glue to others: `simplemathcaptcha`, `passwordmanager`. `token` is not
# one (`tokenizer`, `tokenstream`): it has a harmless sense.
_RUN_TOGETHER = ("password", "passwd", "passphrase", "secret", "captcha")
# Short secret words glue only to a word that says the module makes (a generator, an iterator) or keeps
# them: `passgen`, `pwgen`, `mkpw`, `pyotp`. Anything else is another word that starts so (`passthrough`).
_RUN_TOGETHER_SHORT = ("pass", "pwd", "pw", "otp")
_MAKER_AFFIXES = frozenset(
    {"gen", "generator", "iter", "iterator", "maker", "mk", "make", "new", "py", "safe", "store", "keeper", "manager", "mgr",
     "tool", "lib"}
)

_SPELLED_OUT = {"pass": "password", "pw": "password", "pwd": "password", "passwd": "password"}

_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+[a-z]*")


@lru_cache(maxsize=4096)
def words(identifier: str) -> tuple[str, ...]:
    """Split an identifier or a short string into lower-case words.

    >>> words("generateApiKey")
    ('generate', 'api', 'key')
    >>> words("CSRFToken")
    ('csrf', 'token')
    >>> words("csrftoken")
    ('csrf', 'token')
    """
    out: list[str] = []
    for chunk in re.split(r"[^0-9A-Za-z]+", identifier):
        for word in _CAMEL.findall(chunk):
            out.extend(_unrun(word.lower()))
    return tuple(out)


def _unrun(word: str) -> tuple[str, ...]:
    if word in _SPLIT_HALVES or len(word) < 4:
        return (word,)
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if head == "key" and tail in KEY_MATERIAL_HEADS:
            return (head, tail)  # `keypair`, `keygen`
        if head in _SPLIT_HALVES and tail in _SPLIT_HALVES and (head in STRONG | QUALIFIERS or tail in STRONG):
            return (head, tail)
    return (word,)


def _glued(word: str, secret: str) -> bool:
    """Whether a module word is `secret` glued to another word (`simplemathcaptcha`, `passgen`)."""
    if len(word) <= len(secret):
        return False
    rest = word[len(secret):] if word.startswith(secret) else word[: -len(secret)] if word.endswith(secret) else None
    if rest is None:
        return False
    return secret in _RUN_TOGETHER or rest in _MAKER_AFFIXES


class Vocabulary:
    """The word lists in force: the defaults plus a user's additions (from config)."""

    __slots__ = ("strong", "benign")

    def __init__(self, extra_sensitive: Iterable[str] = (), extra_benign: Iterable[str] = ()) -> None:
        self.strong = STRONG | {w.lower() for w in extra_sensitive}
        self.benign = BENIGN | {w.lower() for w in extra_benign}

    def secret_word(self, identifier: str) -> str | None:
        """The word(s) of `identifier` that make it name a secret, or None.

        >>> Vocabulary().secret_word("api_key")
        'api_key'
        >>> Vocabulary().secret_word("sort_key") is None
        True
        >>> Vocabulary().secret_word("coupon_codes")
        'coupon_code'
        """
        ws = words(identifier)
        if ws:  # a plural head is a collection of them (`api_tokens`); elsewhere (`tokens_seen`) it is about them
            ws = ws[:-1] + (self._singular(ws[-1]),)
        if len(ws) > 1 and ws[-1] == "keys" and ws[-2] in MAKER_QUALIFIERS:
            return "keys"  # `generate_keys()`: keys being made, not a dict's keys being listed
        if not ws or ws[-1] in NOT_SECRET_HEADS or (len(ws) > 1 and self._benign(ws[-1])):
            return None  # the last word says what it is: `token_count`, `captcha_image`, `key_size`
        if any(w in FAKE for w in ws) or (ws[-1] in GAME_HEADS and "secret" in ws):
            return None  # `fake_password`, `dummy_token`; a game's `secret_number`
        for i, w in enumerate(ws):
            if w in self.strong:
                senses = HARMLESS_SENSES.get(w)
                if senses and any(q in senses for q in ws[:i]):
                    return None  # `lock_token`, `next_page_token`, `led_pin`, `time_signature`: the harmless sense
                return w
        if ws[-1] == "pass" and len(ws) > 1:  # gen_pass, createPass, new_pass (not pass_count)
            return "pass"
        for i, w in enumerate(ws):
            if w not in WEAK:
                continue
            before = ws[:i]
            if any(q in QUALIFIERS for q in before):
                return "_".join(ws[max(0, i - 1) : i + 1])
            if w == "key" and any(q in KEY_ONLY_QUALIFIERS or q in MAKER_QUALIFIERS for q in before):
                return "_".join(ws[i - 1 : i + 1])
            if w == "key" and i + 1 < len(ws) and ws[i + 1] in KEY_MATERIAL_HEADS:
                return "_".join(ws[i : i + 2])  # `key_pair`, `keygen`
        if ws[-1] == "session" and any(q in MAKER_QUALIFIERS or q == "random" for q in ws[:-1]):
            return "session"  # `_random_session()`, `new_session()`: a session id being made
        return None

    def _singular(self, word: str) -> str:
        """`tokens` -> `token`, `codes` -> `code`: a list of secrets is secrets (`keys` stays: dict keys)."""
        if len(word) > 3 and word.endswith("s") and word not in self.strong and word not in WEAK:
            single = word[:-1]
            if (single in self.strong or single in WEAK) and single != "key":
                return single
        return word

    def module_secret(self, module_words: Sequence[str]) -> str | None:
        """What a module is about, if it is about a secret: `captcha.py`, `pwgen/`, `verify_code.py`.

        Package names run words together (`passgen`, `simplemathcaptcha`), so a module word that
        starts or ends with a secret word counts too.
        """
        # a module named in the plural holds code about them: `tokens.py`, `challenges.py`
        secret = self.secret_word("_".join(self._singular(w) for w in module_words))
        if not secret:
            secret = next((s for w in module_words for s in _RUN_TOGETHER + _RUN_TOGETHER_SHORT if _glued(w, s)), None)
        return _SPELLED_OUT.get(secret, secret) if secret else None

    def harmless_sense(self, identifier: str, contexts: Iterable[str]) -> bool:
        """Whether `identifier` is a plain ambiguous word (no qualifier says what for) inside a class or
        function whose name says the harmless sense: `token` in `class Lock`, `salt` in `salt_and_pepper()`."""
        ws = words(identifier)
        if not ws:
            return False
        word = self._singular(ws[-1])
        senses = HARMLESS_SENSES.get(word)
        if not senses or any(w in QUALIFIERS or w in self.strong for w in ws[:-1]):
            return False
        return any(self._singular(w) in senses or w in senses for context in contexts for w in words(context))

    def fake(self, identifier: str) -> bool:
        """`FakeUserFactory`, `demo_signup`: a name that says its code is not the real thing."""
        return any(w in FAKE for w in words(identifier))

    def fakes_secret(self, identifier: str) -> bool:
        """Whether a fake name stands in for a secret or a person's record, so that every secret made
        inside it is a stand-in too: `fake_password`, `make_dummy_credentials`, `FakeUser`. A fake word
        on an activity (`demo_signup`, `sample_run`) says nothing about the secrets made on the way."""
        ws = words(identifier)
        if not any(w in FAKE for w in ws):
            return False
        rest = [w for w in ws if w not in FAKE]
        return any(self._singular(w) in FAKED_RECORDS or w in FAKED_RECORDS for w in rest) or bool(
            rest and self.secret_word("_".join(rest))
        )

    def bare(self, identifier: str) -> bool:
        """Whether a name leaves it to its class or module to say what it holds: `value`, `code`,
        `answer_text`, `random_value`. `condition_number` and `noise_level` say what they are."""
        ws = words(identifier)
        return all(
            w in WEAK or w in QUALIFIERS or w in self.strong or w in NEUTRAL_MODIFIERS for w in ws[:-1]
        )

    def benign_word(self, identifier: str) -> str | None:
        """The first word of `identifier` (or its singular) that names a harmless value."""
        for w in words(identifier):
            if self._benign(w):
                return w
        return None

    def _benign(self, word: str) -> bool:
        return word in self.benign or (word.endswith("s") and word[:-1] in self.benign)
