"""Identifier words: which names say "this value is a secret", and which say "this is harmless".

Names are split into words (snake_case, camelCase, digits) and matched word by word, never by
substring: `monkey`, `keyboard` and `tokenize` say nothing about secrets. Run-together words such as
`csrftoken` or `apikey` are split when both halves are known words.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

# Every entry of these tables has a reason: entries that share one are grouped under a comment, or
# carry it on their own line (tests/test_vocabulary_tables.py checks it).

# A word that on its own says the value is a secret.
STRONG = frozenset(
    {
        # passwords and PINs, with their usual abbreviations and the German spelling
        "password", "passwd", "passwort", "pwd", "passphrase", "passcode", "passkey", "pw", "pword", "pin",
        # secrets by name, and what authenticates its bearer: tokens, API keys, cookies, credentials
        "secret", "token", "apikey", "cookie", "credential", "credentials",
        # one-time passwords (HOTP, RFC 4226; TOTP, RFC 6238) and second factors
        "otp", "totp", "hotp", "2fa", "mfa",
        # anti-forgery tokens (OWASP CSRF Prevention Cheat Sheet; `xsrf` is Angular's and Tornado's spelling)
        "csrf", "xsrf",
        # inputs a cipher or a hash needs unpredictable: salts, nonces (`cnonce`: HTTP Digest, RFC 7616 §3.4),
        # IVs (NIST SP 800-38A, Appendix C)
        "salt", "nonce", "cnonce", "iv",
        # session ids run together (`sessionid`; PHP's `PHPSESSID`): whoever has one is logged in
        "sessionid", "sessid",
        # private and pre-shared keys
        "privkey", "seckey", "psk",
        # proofs of holding a secret: signatures, auth challenges, verifiers (PKCE `code_verifier`,
        # RFC 7636 §4.1; SRP, RFC 2945)
        "signature", "challenge", "verifier",
        # a captcha's answer: what a bot must not be able to predict
        "captcha",
        # a stand-in named for the OS generator (`urandom = lambda n: ...`) is used where secure bytes are wanted
        "urandom",
    }
)

# Strong words with a common harmless sense (a lexer token, a GPIO pin, a MIME boundary's nonce -- a
# "number used once" that only needs to be unique): a function whose name ends in the harmless thing
# it makes (`_make_boundary`) may veto these as its locals, never the others.
AMBIGUOUS = frozenset(
    {
        "token",  # a lexer's, a parser's or a language model's token; a lock's owner token; a page cursor
        "pin",  # a microcontroller's pin
        "cookie",  # a cookie jar's entries, a tracking or preference cookie
        "signature",  # a function's signature, a time or key signature, a detection pattern
        "challenge",  # a coding, game or fitness challenge
        "salt",  # salt-and-pepper noise, cooking
        "pw",  # also short for power, pulse width and page width
        "nonce",  # a value that only needs to be unique: a MIME boundary's, a proof-of-work's
    }
)

# A word that names a secret only next to a qualifier (`api_key`, `reset_code`, `session_id`);
# alone (`key`, `code`, `id`) it is far more often a dict key, a status code or a row id.
WEAK = frozenset(
    {
        # identifiers of anything: a dict key, a status code, a row id, a Windows or Oracle SID
        "key", "code", "id", "sid",
        # a form a value takes: `password_hash`, `secret_string`, `reset_str`, `captcha_text`
        "hash", "string", "str", "text",
        # where a secret travels: `reset_link`, `activation_url` (the link carries the token)
        "link", "url",
        # what a secret is made of: `pin_number`, `otp_num`, `recovery_phrase`; alone, any number or word
        "number", "num", "word", "phrase",
        # `login_pass`, `gen_pass`; alone, a loop's or a compiler's pass, a boarding pass
        "pass",
        # an auth ticket (Kerberos; CAS 3.0 service tickets) next to a qualifier; alone, a support ticket
        "ticket",
        # `security_answer`, `captcha_answer`; alone, a quiz's answer
        "answer",
    }
)

# Last words that make a name about a secret, not the secret itself (`token_count`, `password_length`).
NOT_SECRET_HEADS = frozenset(
    {
        # a measure of it: `token_count`, `password_length`, `key_size`, `pin_max`
        "count", "length", "len", "size", "max", "min", "limit",
        # its kind or shape: `token_type`, `key_format`, `password_policy`, `hash_algorithm`, `otp_mode`
        "type", "kind", "format", "fmt", "pattern", "regex", "policy", "method", "algorithm", "alg", "mode",
        "rule", "rules", "validator",
        # what it is drawn from: `password_alphabet`, `token_chars`, `secret_charset`
        "charset", "alphabet", "chars", "characters",
        # where it is kept or configured: `token_header`, `csrf_field`, `secret_key_env`, `password_setting`
        "field", "fields", "header", "param", "var", "env", "setting", "settings", "option", "options", "config",
        # a fixed part of it: `token_prefix` (GitHub's `ghp_`), `key_suffix`
        "prefix", "suffix",
        # when it expires, was made or changed: `token_expiry`, `key_ttl`, `password_changed_at`, `otp_issued`
        "expiry", "expires", "expiration", "ttl", "age", "at", "time", "timestamp", "ts", "date", "seconds",
        "created", "updated", "issued", "expired", "changed", "modified", "rotated",
        # when it was last met or used: `credentials_seen`, `token_used`, `password_verified`, `salt_ns`
        "seen", "used", "accessed", "verified", "checked", "validated", "confirmed", "refreshed", "renewed",
        "revoked", "ns", "ms",
        # a check of it: `password_error`, `token_exists`, `otp_valid`, `password_required`
        "error", "errors", "exists", "valid", "required",
        # what it grants, public by design: `token_scope` (OAuth scopes, RFC 6749 §3.3), AWS SigV4's
        # `credential_scope` (date/region/service, sent in the request)
        "scope", "scopes",
    }
)

# Harmless senses of the ambiguous strong words: a word next to one of these, in the name or in the
# enclosing function or class, says which sense is meant.
HARMLESS_SENSES = {
    # tokens that are not credentials
    "token": frozenset(
        {
            # a lock's or lease's owner token, shown to every client of the lock
            "lock", "lease", "mutex", "semaphore",
            # a page or continuation cursor, a sync cursor, a cancellation handle
            "page", "pagination", "continuation", "sync", "cancellation", "cancel",
            # `next_token` is a pagination cursor (AWS NextToken) or a model's output; start/end/stop
            # tokens mark a sequence's bounds
            "next", "start", "end", "stop",
            # a lexer's or a parser's token
            "lexer", "lex", "parser", "parse", "tokenizer",
            # a language model's tokens: its vocabulary, special tokens (eos, bos, pad, unk, sep, cls), sampling
            "vocab", "vocabulary", "eos", "bos", "pad", "unk", "sep", "cls", "subword", "bpe", "embedding",
            "logits", "prompt", "sampling", "sampler",
            # a rate limiter's token bucket
            "bucket",
        }
    ),
    # a microcontroller's pins
    "pin": frozenset(
        {
            # what is wired to a pin, and its modes
            "led", "gpio", "pwm", "analog", "digital", "io", "button", "sensor", "motor", "servo", "relay", "irq",
            # buses and boards
            "spi", "i2c", "uart", "sda", "scl", "board", "arduino", "raspberry",
        }
    ),
    # signatures that are not proofs
    "signature": frozenset(
        {
            # music notation: time and key signatures
            "time", "key", "meter", "music", "song", "chord", "note",
            # a function's or a method's signature (Python docs, inspect.signature)
            "function", "func", "method", "call", "type", "inspect",
            # a detection pattern: a p0f/IDS fingerprint, an antivirus or YARA rule, a file's magic bytes
            # (not `packet` or `tcp`: a signed packet's and TCP-MD5's signatures are keyed, RFC 2385)
            "fingerprint", "ids", "virus", "malware", "yara", "magic",
        }
    ),
    # salt that is not a password salt
    "salt": frozenset(
        {
            # image noise, salt-and-pepper (not `pepper` alone: a pepper is a password-hashing secret too)
            "noise", "pixel", "pixels", "image", "img",
        }
    ),
    # a proof-of-work nonce is published with the block it was mined for (not `block` or `proof`:
    # block ciphers and Schnorr/zero-knowledge proofs keep their nonces secret)
    "nonce": frozenset({"mine", "mining", "miner", "pow", "difficulty", "proof_of_work"}),
}

# Words that say a value only stands in for a secret: `fake_password`, `dummy_token`, `FakeUser`.
FAKE = frozenset(
    {
        # stand-ins by name: `fake_password`, `dummy_token`, `mock_key`, `placeholder_secret`
        "fake", "faker", "dummy", "mock", "mocked", "stub", "bogus", "placeholder",
        # values made to show or try code: `example_token`, `sample_key`, `demo_password`, `test_secret`
        "example", "sample", "demo", "test", "testing",
    }
)

# Names of the value a challenge asks for: in code about a captcha or a code (a module, a package, a
# class named so), `text`, `answer` and `code` are that secret, and drawing words around them (`image.py`,
# `CaptchaImage`, `draw_text`) describe the picture of it, not it.
ANSWER_WORDS = frozenset(
    {
        # what the challenge expects back: the answer, a puzzle's solution
        "answer", "solution",
        # the text a captcha shows or a code is: its characters, word or phrase
        "text", "code", "string", "str", "word", "phrase", "chars", "characters",
    }
)

# What a fake-data function or class stands in for, besides a secret itself: a person's whole record
# (`FakeUser`, `make_dummy_account()`, `fake_profile_data()`), whose password is as fake as its name.
FAKED_RECORDS = frozenset(
    {
        # a person and their account
        "user", "users", "account", "accounts", "person", "people", "profile", "identity", "login", "member",
        "customer", "employee",
        # a record in general
        "record", "records", "data",
    }
)

# A person's details that a program only makes up when it makes fake people: no real system draws
# an email address, a phone number or a birth date at random. A module whose functions draw two or
# more of these kinds is a fake-data generator (LABELS.md: Faker-like libraries are benign), and its
# `random_password()` makes stand-ins too (see `Vocabulary.personal_detail`).
PERSONAL_DETAILS = frozenset(
    {
        # how to reach a person: `get_email()`, `random_phone_number()`, `fake_address()`
        "email", "phone", "mobile", "address", "street", "city", "zipcode", "postcode",
        # who the person is: `get_birthdate()`, `random_gender()`, `get_surname()`, `get_hobbies()`
        "birthdate", "birthday", "dob", "gender", "surname", "nationality", "occupation", "hobby", "hobbies",
    }
)
# `first_name`, `last_name`, `full_name`: a person's name (a bare `name` is anything's name).
PERSON_NAME_QUALIFIERS = frozenset(
    {
        # the parts of a person's name
        "first", "last", "full", "middle", "given", "family", "firstname", "lastname",
    }
)
# Machine addresses: `random_ip_address()`, `mac_address` are a network tool's, not a person's.
MACHINE_ADDRESS_QUALIFIERS = frozenset(
    {
        # network and memory addresses: IP, MAC/Ethernet/hardware, Bluetooth, host and memory addresses
        "ip", "ipv4", "ipv6", "mac", "ether", "hw", "memory", "mem", "bluetooth", "bt", "host", "net", "network",
    }
)

# Verbs of a function that enciphers: inside `def encrypt(text, key)` or `decipher()`, a bare `key` is
# the cipher's key, not a dictionary's (`key` alone is WEAK elsewhere).
CIPHER_VERBS = frozenset(
    {
        # what a cipher does and what it is: `encrypt()`, `aes_decrypt()`, `xor_cipher()`, `crypt()`
        "encrypt", "decrypt", "encipher", "decipher", "encryption", "decryption", "cipher", "crypt",
    }
)

# Verbs with which a docstring's summary says what its function makes or returns (PEP 257: "Return the
# pathname of ..."): `Generate a random password.`; not `Identify client using plaintext password.`
DOC_MAKER_VERBS = frozenset(
    {
        # returning, making and choosing, in the imperative (PEP 257) and the third person
        "return", "returns", "generate", "generates", "create", "creates", "make", "makes", "produce",
        "produces", "build", "builds", "get", "gets", "new", "random", "draw", "draws", "pick", "picks",
    }
)

# Words that end the noun phrase a docstring's secret word heads: "a new secret for use with ...",
# "the secret used to sign cookies". Any other word after it is what the phrase is about
# (`password length`, `secret number`, `password hint`, `Secret Santa`).
DOC_PHRASE_ENDS = frozenset(
    {
        # prepositions and conjunctions that start what follows the noun
        "for", "of", "to", "with", "from", "in", "on", "by", "as", "and", "or", "if", "that", "which",
        # a participle that says what the secret is for: "the secret used to sign cookies"
        "used",
    }
)
# Words that deny what follows: "a word to show to the user, not a password".
DOC_NEGATIONS = frozenset(
    {
        # negations
        "not", "no", "never", "without",
    }
)

# Names of functions that hide a password for display or make a wrong one on purpose: what they return
# with draws in it is not the password (`mask(password)`, `simulate_typo(password)`, `wrong_guess()`).
RESHAPE_VETOES = frozenset(
    {
        # hiding it for display or a log
        "mask", "masked", "redact", "redacted", "obscure", "obfuscate", "hide", "hidden", "censor", "display",
        # making a wrong one: a typo, a wrong, invalid or bad password, a guess
        "typo", "typos", "wrong", "invalid", "bad", "incorrect", "guess", "misspell", "corrupt",
    }
)

# The forms key material takes in a name: `key_bytes`, `key_hex`, `key_str`.
KEY_FORMS = frozenset(
    {
        # bytes and their spellings as text
        "bytes", "byte", "hex", "str", "string", "b64", "material", "data",
    }
)

# Secrets that code reshapes and hands back: a function given a `password` that returns it with random
# symbols, digits or casing put in returns a password (xkcd-style passphrase post-processing).
RESHAPED_SECRETS = frozenset(
    {
        # a person's password and its spellings (see STRONG)
        "password", "passwd", "passwort", "pwd", "passphrase", "passcode", "pword",
    }
)

# Words that only say a value was made at random or is the current one: `self.random_value`,
# `self._gen_code`, `self.current` -- they leave it to the class to say what the value is.
NEUTRAL_MODIFIERS = frozenset(
    {
        # how it was made: `random_value`, `rand_code`, `new_value`, `gen_code`, `generated_id`
        "random", "rand", "rnd", "new", "gen", "generated",
        # which one it is: `current_code`, `cur_value`, `my_token`, `the_key`
        "current", "cur", "my", "the",
    }
)

# Words that make `pass` one pass over data, not a password: `first_pass`, `last_pass`, `each_pass`.
PASS_ORDINALS = frozenset({"first", "second", "third", "last", "next", "final", "each", "every", "single", "multi"})

# What a game keeps secret: `secret_number`, `secret_word` (guess-the-number, hangman).
GAME_HEADS = frozenset(
    {
        # guess-the-number, bulls and cows, hangman, word games
        "number", "num", "digit", "word", "letter", "guess",
        # guessing games over things: a card, a colour (Mastermind), an animal, a move (rock-paper-scissors)
        "card", "color", "colour", "animal", "move",
    }
)

# Words that turn a weak word into a secret.
QUALIFIERS = frozenset(
    {
        # API and access credentials: `api_key`, `access_token`, `bearer_token`, `refresh_token` (OAuth 2.0,
        # RFC 6749 §1.4-1.5), `jwt_key`
        "api", "access", "bearer", "refresh", "jwt",
        # OAuth 1.0 credentials: `oauth_token` (RFC 5849 §2.3). Not `consumer`: the consumer key is the
        # client's public identifier (RFC 5849 §3.1), and `consumer_secret` is a secret by its own word
        "oauth",
        # secret by name: `secret_key`, `private_key`, `priv_key`, `secure_code`, `security_code`
        "secret", "private", "priv", "secure", "security",
        # a session's id or key: `session_id`, `sess_key`
        "session", "sess",
        # cryptographic keys: `encryption_key`, `hmac_key`, `signing_key`, `master_key`, `shared_key`, `aes_key`
        "encryption", "encrypt", "crypt", "crypto", "cryptographic", "cipher", "symmetric", "hmac", "signing",
        "sign", "master", "shared", "aes", "des",
        # keys of protocols and tools: `rsa_key`, `ssh_key`, `kerberos_key`, Wi-Fi `wep_key` and `wpa_key`
        "rsa", "ssh", "kerberos", "krb", "wep", "wpa",
        # authentication: `auth_code`, `authorization_code` (OAuth 2.0, RFC 6749 §1.3.1), `login_token`
        "auth", "authentication", "authorization", "login",
        # codes and links that prove who asks: activation, reset, recovery, verification, confirmation,
        # invitation, unlock and backup codes
        "activation", "activate", "reset", "recovery", "verification", "verify", "confirmation", "confirm",
        "invite", "invitation", "unlock", "backup",
        # a magic link is a login link by definition
        "magic",
        # product keys: `license_key`, `licence_code`
        "license", "licence",
        # a strong word next to a weak one names the same secret: `pin_code`, `pass_phrase`, `otp_code`,
        # `csrf_string`, `nonce_str`, `salt_string`, `captcha_text`
        "captcha", "pin", "pass", "otp", "mfa", "2fa", "csrf", "xsrf", "nonce", "salt",
        # codes worth money to whoever guesses one: coupon, voucher, promo, gift card, discount codes
        "coupon", "voucher", "promo", "gift", "redeem", "redemption", "discount",
    }
)

# Qualifiers that make only a code, a link or a pass a secret: how a one-time code reaches its owner
# (`sms_code`, `email_link`, `login_code`, `one_time_pass`). Next to other words they name ordinary
# data: `email_id`, `sms_number`, `login_name`, `one_id`.
CODE_ONLY_QUALIFIERS = frozenset({"sms", "email", "login", "one", "onetime"})
CODE_HEADS = frozenset({"code", "link", "url", "pass", "pin"})

# Qualifiers that only make `key` or `session` a secret: `server_key`, `generate_key()`, `new_session()`.
KEY_ONLY_QUALIFIERS = frozenset(
    {
        # an owner's or a device's key: `user_key`, `account_key` (a storage account's key), `device_key`,
        # `wifi_key`; their ids and names are not secrets
        "user", "account", "device", "wifi",
        # a service's key: `server_key`, `app_key`, `application_key`
        "server", "app", "application",
        # a client key is TLS key material, a client id is public (OAuth 2.0, RFC 6749 §2.2, says client
        # identifiers are not secret; MQTT client ids are connection names)
        "client",
    }
)
# Verbs that make what they name: `generate_key()`, `new_session()`, `make_keys()` -- a dict key is
# looked up, not made.
MAKER_QUALIFIERS = frozenset({"new", "gen", "generate", "make", "create"})
# Words after `key` that make it key material -- a dict key is never "generated" or "paired".
KEY_MATERIAL_HEADS = frozenset(
    {
        # a key pair's private half: `key_pair`, `make_keypair`, `keypairs`
        "pair", "pairs",
        # key generation: `keygen`, `key_gen`, `key_generator`
        "gen", "generation", "generator",
    }
)

# Words that say a value is harmless: these lower suspicion of weak matches, never of strong ones.
BENIGN = frozenset(
    {
        # timing: retry jitter and backoff, delays, timeouts, schedules (`splay`: a random start delay)
        "jitter", "backoff", "delay", "sleep", "retry", "retries", "wait", "interval", "timeout", "schedule",
        "cron", "splay",
        # sampling, shuffling and ordering data
        "sample", "sampling", "shuffle", "shuffled", "weight", "weights", "sort", "order",
        # values that only need to be unique: MIME boundaries (RFC 2046 §5.1.1), trace, request and
        # correlation ids, event and log ids
        "boundary", "mime", "trace", "tracing", "request", "correlation", "event", "log", "logging",
        # ids that are not capabilities (RFC 4122 §6: UUIDs should not be used as security capabilities)
        "guid", "uuid",
        # test, demo and simulation data
        "test", "tests", "mock", "fake", "faker", "dummy", "example", "demo", "lorem", "ipsum", "bench",
        "benchmark", "simulate", "simulation", "noise",
        # games of chance
        "game", "dice", "roll",
        # places and amounts in a table, a layout or a mix
        "row", "column", "index", "idx", "offset", "position", "pos", "size", "width", "height", "angle",
        "level", "volume", "speed", "spacing",
        # files and the names people see: temp files, paths, labels, user names (public identifiers)
        "temp", "tmp", "filename", "file", "dir", "path", "name", "label", "username", "nickname",
        # where work goes: hosts, ports, load balancing, sharding, caches, workers, proxies, failover
        "server", "host", "node", "port", "proxy", "failover", "balance", "balancing", "shard", "partition",
        "bucket", "slot", "worker", "cache",
        # a mapping's keys, not a secret key
        "dict", "keys",
        # a network interface's MAC address
        "mac",
        # referral codes are handed out to be shared
        "referral",
        # colours and styles
        "color", "colour", "rgb", "hue", "alpha", "opacity", "gradient", "theme", "style", "background", "bg",
        "foreground", "font",
        # the picture or the sound of a value (a captcha's image or audio is not its answer), and effects on it
        "draw", "render", "image", "img", "picture", "photo", "canvas", "pixel", "frame", "animation", "shape",
        "effect", "filter", "blur", "distort", "distortion", "warp", "rotate", "rotation",
        "wave", "audio", "sound", "voice", "babble",
        # drawing primitives and coordinates
        "line", "lines", "dot", "dots", "point", "points", "curve", "arc", "rect", "rectangle", "box", "bbox",
        "circle", "ellipse", "polygon", "coord", "coords", "xy",
    }
)

# Run-together spellings to try splitting (`csrftoken`, `apikey`, `sessionid`).
_SPLIT_HALVES = (
    STRONG | WEAK | QUALIFIERS | KEY_ONLY_QUALIFIERS
    | {"session"}  # `sessionkey`, `sessiontoken`: a session's secret
)

# Secret words that package names glue to others: `simplemathcaptcha`, `passwordmanager`. `token` is not
# one (`tokenizer`, `tokenstream`): it has a harmless sense.
_RUN_TOGETHER = ("password", "passwd", "passphrase", "secret", "captcha")
# Short secret words glue only to a word that says the module makes (a generator, an iterator) or keeps
# them: `passgen`, `pwgen`, `mkpw`, `pyotp`. Anything else is another word that starts so (`passthrough`).
_RUN_TOGETHER_SHORT = ("pass", "pwd", "pw", "otp")
# The words that say so.
_MAKER_AFFIXES = frozenset(
    {
        # makers: `passgen`, `pwgenerator`, `otpiter`, `pwmaker`, `mkpw`, `newpass`
        "gen", "generator", "iter", "iterator", "maker", "mk", "make", "new",
        # keepers: `pwsafe` (Password Safe), `passstore`, `passkeeper`, `passmanager`, `pwmgr`
        "safe", "store", "keeper", "manager", "mgr",
        # libraries of them: `pyotp`, `otplib`, `pwtool`
        "py", "lib", "tool",
    }
)

# Abbreviations of `password` spelled out in messages ("in a module about passwords").
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
        if ws[-1] == "pass" and len(ws) > 1 and ws[-2] not in PASS_ORDINALS:
            return "pass"  # gen_pass, createPass, new_pass (not pass_count, not last_pass: a pass over data)
        for i, w in enumerate(ws):
            if w not in WEAK:
                continue
            before = ws[:i]
            if any(q in QUALIFIERS for q in before) or (
                w in CODE_HEADS and any(q in CODE_ONLY_QUALIFIERS for q in before)
            ):
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
        return any(
            self._singular(w) in senses or w in senses for context in contexts for w in words(context)
        ) or any(phrase in "_".join(words(context)) for context in contexts for phrase in senses if "_" in phrase)

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

    def personal_detail(self, identifier: str) -> str | None:
        """The kind of a person's detail that `identifier` names as what it is (the last word), or
        None: `get_email` -> 'email', `random_first_name` -> 'name', `get_phone_number` -> 'phone';
        `random_ip_address`, `send_email_code`, `email_retry_delay` -> None.

        >>> Vocabulary().personal_detail("get_last_name"), Vocabulary().personal_detail("mac_address")
        ('name', None)
        >>> Vocabulary().personal_detail("send_phone_code") is None
        True
        """
        ws = words(identifier)
        if len(ws) > 1 and ws[-1] == "number":
            ws = ws[:-1]  # `get_phone_number`: the phone's number is the phone
        if not ws:
            return None
        # only the head counts: `send_email_code` makes a code, `email_retry_delay` a delay
        head, before = ws[-1], ws[-2] if len(ws) > 1 else ""
        if head in ("firstname", "lastname") or (head == "name" and before in PERSON_NAME_QUALIFIERS):
            return "name"
        if head in PERSONAL_DETAILS and not (head == "address" and before in MACHINE_ADDRESS_QUALIFIERS):
            return head
        return None

    def ciphers(self, identifier: str) -> bool:
        """Whether a function's name says it enciphers or deciphers: `encrypt`, `aes_decrypt`, `xor_cipher`."""
        return any(w in CIPHER_VERBS for w in words(identifier))

    def described_secret(self, docstring: str) -> str | None:
        """The secret a function's docstring says it makes, or None. Only the summary (the first
        sentence, PEP 257) and a returns section (`:return:`, `:returns:`, `Returns:`: the Sphinx and
        Google styles) are read; a stand-in (`a fake password`), a measure or part of one
        (`the password length`) and the ambiguous words (`token`, `salt`) do not count.

        >>> v = Vocabulary()
        >>> v.described_secret("Generates a new random secret for use with WAMP-CRA.")
        'secret'
        >>> v.described_secret("Return a random API key."), v.described_secret("Pick the password length.")
        ('api_key', None)
        >>> v.described_secret("Return the next token of the lexer.") is None
        True
        >>> v.described_secret("Return a random secret word from WORDS.") is None
        True
        """
        summary = re.split(r"(?<=[.!?])\s|\n\s*\n", docstring.strip(), maxsplit=1)[0]
        returns = re.search(r"(?im)^\s*(?::returns?:|returns?:)\s*(.*(?:\n(?!\s*(?::\w|\w+:)).*)*)", docstring)
        for text, made in ((summary, False), (returns.group(1) if returns else "", True)):
            # words in order, with a sentence's punctuation as "" (the end of a noun phrase)
            ws = [w.lower() if w[0].isalnum() else "" for w in re.findall(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]", text)]
            if any(w in FAKE for w in ws) or any(w in DOC_NEGATIONS for w in ws):
                continue  # `a fake password`; `a word to show, not a password`
            for i, w in enumerate(ws):
                made = made or w in DOC_MAKER_VERBS  # the summary must say it makes it, not that it takes one
                after = ws[i + 1] if i + 1 < len(ws) else ""
                pair = self.secret_word(f"{w}_{after}") if after in WEAK else None
                found = pair or (self.secret_word(w) if w else None)
                if not made or not found or found in AMBIGUOUS or found == "captcha":
                    continue  # a captcha is the picture of its answer: the answer words say which draw
                end = ws[i + 2] if pair and i + 2 < len(ws) else after
                if end and end not in DOC_PHRASE_ENDS:
                    continue  # the secret word qualifies another noun: `password length`, `secret number`, `Secret Santa`
                if i and ws[i - 1] and self._benign(ws[i - 1]):
                    continue  # `an audio captcha`
                return found
        return None

    def key_material(self, identifier: str) -> bool:
        """`key`, `aes_key`, `key_bytes`, `key_hex`: a name whose head is a key or the form of one.

        >>> Vocabulary().key_material("key_bytes"), Vocabulary().key_material("key_index")
        (True, False)
        """
        ws = words(identifier)
        return bool(ws) and (ws[-1] == "key" or (len(ws) > 1 and ws[-2] == "key" and ws[-1] in KEY_FORMS))

    def spoils(self, identifier: str) -> bool:
        """Whether a function's name says it hides a password or makes a wrong one (`RESHAPE_VETOES`)."""
        return any(w in RESHAPE_VETOES for w in words(identifier))

    def answer(self, identifier: str) -> bool:
        """Whether a name's last word names a challenge's answer: `text`, `answer_text`, `code`."""
        ws = words(identifier)
        return bool(ws) and ws[-1] in ANSWER_WORDS

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
