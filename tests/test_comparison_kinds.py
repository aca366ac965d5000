"""Issue 12's kinds for RND301: report a secret compared with ==/!= only when the other side comes from
outside (an attacker sends guesses and times the answers); each kind as small programs of our own."""
from __future__ import annotations

import textwrap

import pytest

from flake8_secure_random.analysis import find


def rnd301(src: str, path: str = "app/views.py") -> list:
    return [(f.line, f.message) for f in find(textwrap.dedent(src).lstrip("\n"), path=path) if f.code == "RND301"]


QUIET = {
    # 1. change detection between values the program already holds
    "rotating_a_stored_secret": """
        def update_mfa(record, new_secret):
            if new_secret and record.totp_secret != new_secret:
                record.totp_secret = new_secret
        """,
    "token_refreshed_meanwhile": """
        class Client:
            def refresh(self):
                seen = self.access_token
                self.lock.acquire()
                if seen != self.access_token:
                    return
        """,
    "credentials_compared_field_by_field": """
        class Credentials:
            def __eq__(self, other):
                return self.client_secret == other.client_secret and self.api_key == other.api_key
        """,
    "password_and_its_confirmation": """
        def validate(attrs):
            if attrs["password"] != attrs["password_confirm"]:
                raise ValueError("passwords differ")
        """,
    # 2. the other side is a constant: a literal, a module constant, a class attribute bound to a literal
    "class_attribute_bound_to_a_literal": """
        class PasswordResetConfirmView:
            reset_url_token = "set-password"
            def dispatch(self, request, token):
                if token == self.reset_url_token:
                    return self.render(request)
        """,
    "module_name_bound_to_a_literal": """
        placeholder_token = "<unset>"
        def check_token(token):
            return token == placeholder_token
        """,
    # 3. words with a non-secret sense
    "inspect_signature": """
        import inspect
        def check_handler(func, expected):
            return inspect.signature(func) == expected
        """,
    "a_boolean_option": """
        def check(options, request):
            verify_signature = options.get("verify_signature", True)
            return verify_signature == request.args.get("verify")
        """,
    "a_lookup_key": """
        def check_cache(name, cache_key):
            new_key = f"env:{name}"
            return new_key != cache_key
        """,
    "session_key_as_a_record_id": """
        class Store:
            def flush(self, buffered):
                if buffered["session_key"] == self.session_key:
                    self.save(buffered)
        """,
    "a_parser_checking_its_token": """
        class Parser:
            def check(self, token):
                return self.current_token == token
        """,
    # 4. values public by design
    "a_nonce_against_replays": """
        def check_replay(request, cache):
            nonce = request.headers["X-Nonce"]
            return nonce == cache.last_nonce
        """,
    "oauth1_request_token": """
        class TwitterMixin:
            def get_authenticated_user(self):
                request_key = self.get_argument("oauth_token")
                oauth_token = self.get_cookie("_oauth_request_token")
                if oauth_token != request_key:
                    raise ValueError("request token does not match")
        """,
    # neither side from outside
    "two_held_values": """
        def same(a, b):
            return a.api_token == b.api_token
        """,
}

FLAGGED = {
    # 5. a value from outside compared with a stored or derived secret
    "header_against_a_setting": ("""
        def api(request):
            if request.headers.get("X-Api-Key") == settings.API_KEY:
                return "ok"
        """, 2, "'X-Api-Key' header compared with == to 'settings.API_KEY'"),
    "plaintext_password": ("""
        def login(user, typed_password):
            return user.password != typed_password
        """, 2, "parameter 'typed_password' of login() compared with != to 'user.password'"),
    "token_against_a_typed_password": ("""
        class Door:
            def unlock(self, typed_password):
                return self.token == typed_password
        """, 3, "parameter 'typed_password' of unlock() compared with == to 'self.token'"),
    "csrf_check": ("""
        def check_csrf(request):
            current_token = request.session["csrf_token"]
            submitted = request.POST.get("csrfmiddlewaretoken")
            if current_token != submitted:
                raise PermissionError
        """, 4, "'csrfmiddlewaretoken' form field compared with != to 'current_token'"),
    "emailed_code": ("""
        class EmailDevice:
            def verify_token(self, token):
                return token == self.token
        """, 3, "parameter 'token' of verify_token() compared with == to 'self.token'"),
    "wsgi_header": ("""
        def app(environ, start_response):
            if environ.get("HTTP_X_AUTH_TOKEN") != AUTH_TOKEN:
                start_response("403 Forbidden", [])
        """, 2, "'X-Auth-Token' header compared with != to 'AUTH_TOKEN'"),
    "tornado_argument": ("""
        class Handler:
            def post(self):
                if self.get_argument("api_key") != self.settings["api_key"]:
                    raise PermissionError
        """, 3, "'api_key' request field compared with != to 'self.settings['api_key']'"),
    "hmac_of_the_body": ("""
        import hashlib, hmac
        def verify_webhook(body, signature):
            expected = hmac.new(WEBHOOK_KEY, body, hashlib.sha256).hexdigest()
            return signature == expected
        """, 4, None),
    "flask_route_parameter": ("""
        @app.route("/reset/<token>")
        def reset(token):
            if token != current_user.reset_token:
                abort(403)
        """, 3, "parameter 'token' of reset() compared with != to 'current_user.reset_token'"),
}


@pytest.mark.parametrize("name", sorted(QUIET))
def test_quiet(name):
    assert rnd301(QUIET[name]) == []


@pytest.mark.parametrize("name", sorted(FLAGGED))
def test_flagged(name):
    src, line, message = FLAGGED[name]
    found = rnd301(src)
    assert [f[0] for f in found] == [line], found
    if message:
        assert found[0][1] == message + "; use secrets.compare_digest()"


def test_one_rnd203_finding_per_clock_reading():
    src = ("import time\ndef issue():\n    stamp = time.time()\n    token = str(stamp)\n"
           "    session_id = 'S' + str(stamp)\n    api_key = str(stamp) + 'k'\n    return token, session_id, api_key\n")
    found = [(f.line, f.col) for f in find(src, path="app/views.py") if f.code == "RND203"]
    assert found == [(3, 12)]


def test_the_rule_docs_say_what_is_reported():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "rules" / "RND301.md").read_text()
    assert "comes from outside" in doc and "both come from outside" in doc and "RFC 5849" in doc


@pytest.mark.parametrize(("src", "expected"), [
    # 6. a default drawn when no password is given is what the name gets
    ("import secrets\nclass U:\n    def __init__(self, password=None):\n        self.api_key = password or secrets.token_hex(8)\n",
     [(4, "RND201")]),
    # a password is judged by min-password-bits (64): 64 random bits are enough for one, not for a token
    ("import secrets\npassword = secrets.token_hex(8)\n", []),
    ("import secrets\npassword = secrets.token_hex(4)\n", [(2, "RND201")]),
    ("import secrets\napi_token = secrets.token_hex(8)\n", [(2, "RND201")]),
    # backup and recovery codes are single-use and rate-limited, like OTPs
    ("import secrets\nbackup_codes = secrets.token_hex(4)\nrecovery_key = secrets.token_hex(5)\n", []),
    # 8. a short password built with random: RND101 and RND202 in the same run
    ("import random, string\npassword = ''.join(random.choices(string.ascii_lowercase, k=10))\n",
     [(2, "RND101"), (2, "RND202")]),
])
def test_rnd2xx_kinds(src, expected):
    found = sorted((f.line, f.code) for f in find(src, path="app/accounts.py") if f.code[:4] in ("RND1", "RND2"))
    assert found == expected


@pytest.mark.parametrize("src", [
    # TOTP/HOTP values are numbers (RFC 4226 §5.3, RFC 6238): compared whole, not byte by byte
    "def verify_token(self, token):\n    token = int(token)\n    return totp(self.key) == token\n",
    "def hotp(key, counter, digits=6):\n    code = truncate(key, counter)\n    value = code % 10 ** digits\n    return value\n"
    "class TOTP:\n    def token(self):\n        return hotp(self.key, self.t())\n"
    "    def verify(self, token):\n        return self.token() == token\n",
])
def test_integers_are_not_compared_byte_by_byte(src):
    assert rnd301(src) == []


@pytest.mark.parametrize("src", [
    # a MAC in a local with a neutral name, and a position in what was sent (`parts[-1]`)
    "import hashlib, hmac\ndef verify_cookie(seed, kaka):\n    parts = kaka.split('|')\n"
    "    sig = hmac.new(seed, parts[0].encode(), hashlib.sha256).hexdigest()\n    return sig == parts[-1]\n",
    "import hashlib, hmac\ndef api(request, secret):\n    expected = hmac.new(secret, request.body, hashlib.sha256).hexdigest()\n"
    "    return request.headers['X-Sig'] == expected\n",
])
def test_macs_in_neutral_locals_are_seen(src):
    assert [line for line, _ in rnd301(src)] == [5 if "verify_cookie" in src else 4]


@pytest.mark.parametrize(("src", "expected"), [
    ("import time\ndef save(name, morsel):\n    cookies[name] = (morsel, time.time())\n", []),
    ("import time\nsession_id = '%s-%s' % (user, time.time())\n", [2]),
    ("import time\nsession_id = '-'.join([user, str(time.time())])\n", [2]),
    ("import time\ntoken_scope = str(time.time())\n", []),
])
def test_clock_in_a_record_or_mixed_into_a_value(src, expected):
    assert [f.line for f in find(src, path="app/x.py") if f.code == "RND203"] == expected


# Kinds met on a held-out set of 38 packages (issue 12's second round)
@pytest.mark.parametrize("src", [
    # an enum's member names a kind, not a secret
    "def check_stage(stagetype):\n    return stagetype == LoginType.REGISTRATION_TOKEN\n",
    # one of two things, one of them a path
    "def check_row(row, PathOrToken):\n    return row['PathOrToken'] != PathOrToken\n",
    # compared with a path or a name
    "def check(request, token_path):\n    return request.GET['token'] == token_path\n",
    # both sides from the request, one reached through another object
    "def validate_bearer_token(self, token, scopes, request):\n    return context.request.GET.get('access_token') == token\n",
    # a lookup in the program's store with the value sent is the program's value, not the attacker's
    "def validate_session_txn(txn, sid, client_secret):\n    retrieved = db.select_one(txn, 'sessions', sid)\n"
    "    return retrieved != client_secret\n",
    # a nonce, however it is named, is public
    "def obtain_token_by_auth_code_flow(auth_code_flow, result):\n"
    "    nonce_in_id_token = result.get('nonce')\n    return nonce_in_id_token != _nonce_hash(auth_code_flow['nonce'])\n",
])
def test_held_out_quiet_kinds(src):
    assert rnd301(src) == []


@pytest.mark.parametrize(("src", "line"), [
    # a secret-sounding local holding a header is still what was sent
    ("def webhook(self, request):\n    secret_token_header = request.headers.get('X-Secret-Token')\n"
     "    return self.secret_token != secret_token_header\n", 3),
    # a checker named `auth`, and the secret read with `.get("...")`
    ("def auth(username, password):\n    return password == opts.get('sharedsecret')\n", 2),
    # `is_valid(token)` checks what it is given
    ("class Db:\n    def is_valid(self, token):\n        return self._db['access_token'] != token\n", 3),
    # a MAC compared with a parameter named `mac` (not a MAC address here)
    ("def verify(self, msg, mac):\n    h = alg.digest(secret + msg)\n    return h == mac\n", 3),
])
def test_held_out_flagged_kinds(src, line):
    assert [f[0] for f in rnd301(src)] == [line]


@pytest.mark.parametrize("src", [
    "import time\nsecret_version = {'createdate': int(time.time()), 'value': value}\n",
    "import datetime\ndef login(session):\n    session['credentials_seen'] = datetime.datetime.now().timestamp()\n",
    "import time\n_cache_failed_logins_salt_ns = time.time_ns()\n",
    # another secret goes in: the clock is not its only ingredient ([MS-NRPC] §3.1.4.5's authenticator)
    "import time\ndef authenticator(stored_credential):\n    stamp = int(time.time())\n"
    "    credential = unpack('<I', stored_credential[:4])[0] + stamp\n    return credential\n",
    "import hmac, time\ndef encode_remember_me(user, key):\n"
    "    remember_token = f'{user}|{time.time()}|{hmac.new(key, user.encode(), \"sha256\").hexdigest()}'\n"
    "    return remember_token\n",
])
def test_held_out_clock_kinds(src):
    assert [f for f in find(src, path="app/x.py") if f.code == "RND203"] == []


# Second held-out set (38 packages, issue 12 note of stop 19): the kinds found there.
@pytest.mark.parametrize("src", [
    # an annotated assignment is followed like a plain one: the secret-sounding side is the
    # readable payload of the client's own cookie (double-submit CSRF), so both sides came from outside
    "async def validate_csrf(self, request):\n    signed_token = request.cookies.get('csrf')\n"
    "    token = request.headers.get('X-CSRF-Token')\n    serializer = URLSafeTimedSerializer(self.key)\n"
    "    signature: str = serializer.loads(signed_token, max_age=3600)\n    if token != signature:\n        raise ValueError\n",
    # the same through an assignment expression
    "def check(request):\n    if (sent := request.form.get('token')) == (signature := decode(request.cookies['sig'])):\n"
    "        return True\n",
])
def test_annotated_and_walrus_assignments_are_followed(src):
    assert rnd301(src) == []


@pytest.mark.parametrize(("src", "part"), [
    # a method named `get` is not Django's `request.GET`: the part is the attribute read
    ("def check(request):\n    return request._json.get('token') != settings.API_TOKEN\n", "'token' JSON field"),
    # aiohttp's match_info, Starlette's path_params, Flask's view_args: the URL's path
    ("async def hook(request):\n    return request.match_info.get('token') == BOT_TOKEN\n", "'token' path segment"),
    ("async def hook(request):\n    return request.path_params['token'] == BOT_TOKEN\n", "'token' path segment"),
    ("def hook():\n    return request.view_args['token'] == BOT_TOKEN\n", "'token' path segment"),
    ("def api(request):\n    return request.GET.get('api_key') == API_KEY\n", "'api_key' query parameter"),
    ("def api(request):\n    return request.POST['api_key'] == API_KEY\n", "'api_key' form field"),
])
def test_the_message_names_the_part_of_the_request(src, part):
    [(_, message)] = rnd301(src)
    assert message.startswith(part + " compared with"), message


# Third held-out set (50 packages): the false kinds found there, as programs of our own.
@pytest.mark.parametrize("src", [
    # an ORM column compared inside a query builds SQL (SQLAlchemy, Peewee): nothing is compared here
    "def remote_login(request):\n    token = request.form['token']\n"
    "    return db.query(RemoteToken).filter(RemoteToken.auth_token == token).first()\n",
    "def check_user_session(user_id, session_key):\n"
    "    return session.query(Sessions).filter(Sessions.session_key == session_key).count()\n",
    # a class, not a value: a type annotation compared with a class named like a secret
    "def special_args(fn, type_hint):\n    return type_hint == oauth.OAuthToken\n",
    "def check_param(param):\n    return param.annotation == AccessToken\n",
    # the value sent was already matched exactly by a lookup: `==` only picks among what it matched
    "def webhook(request):\n    token = request.match_info['token']\n    if not tokens.get(token):\n        return 404\n"
    "    if token == main_bot.token:\n        return main_bot.process(request)\n",
    "def redeem(request, raw_barcode):\n    positions = OrderPosition.objects.filter(secret=raw_barcode)\n"
    "    for p in positions:\n        if p.secret == raw_barcode:\n            return p\n",
    "def check(request):\n    key = request.headers['X-Key']\n    if key not in KNOWN_KEYS:\n        raise PermissionError\n"
    "    return key == settings.API_KEY\n",
])
def test_third_held_out_quiet_kinds(src):
    assert rnd301(src) == []


@pytest.mark.parametrize(("src", "line"), [
    # a lookup with another value (the user's name) does not vouch for the password sent
    ("def login(request):\n    user = User.objects.get(username=request.POST['username'])\n"
     "    return user.password == request.POST['password']\n", 3),
    # a lookup after the comparison does not either
    ("def check(request):\n    key = request.headers['X-Key']\n    ok = key == settings.API_KEY\n"
     "    audit.get(key)\n    return ok\n", 3),
])
def test_third_held_out_flagged_kinds(src, line):
    assert [f[0] for f in rnd301(src)] == [line]


def test_a_revocation_check_does_not_vouch_for_the_value():
    src = ("def check(request):\n    key = request.headers['X-Key']\n    if key in REVOKED:\n        raise PermissionError\n"
           "    return key == settings.API_KEY\n")
    assert [f[0] for f in rnd301(src)] == [5]


@pytest.mark.parametrize(("src", "line"), [
    # an HMAC computed inside the comparison, through an alias of hmac.new
    ("from hmac import new as hnew\nfrom hashlib import sha256\n"
     "def validate_signature(uri, nonce, signature, auth_token):\n"
     "    return b64(hnew(auth_token, uri + nonce, sha256).digest()).strip() == signature\n", 4),
    ("import hmac\ndef verify_hook(body, sig):\n    return sig != hmac.new(KEY, body, 'sha256').hexdigest().upper()\n", 3),
    # `_value`: the value of the secret its other words name
    ("def hook(request):\n    received_secret = request.getHeader(b'X-Gitlab-Token')\n"
     "    expected_secret_value = options.get('secret')\n    if received_secret != expected_secret_value:\n        return 403\n", 4),
])
def test_fourth_kinds_inline_macs_and_values(src, line):
    assert [f[0] for f in rnd301(src)] == [line]


# Fourth held-out set (37 packages): the kinds it showed, as programs of our own.
@pytest.mark.parametrize("src", [
    # a comparison handed to a query builder is a condition the database evaluates (Peewee, SQLAlchemy)
    "class ApiToken(Model):\n    @classmethod\n    def by_token(cls, token):\n"
    "        return cls.select().where(cls.token == token).first()\n",
    "def verify_token(session, token):\n    return session.query(T).filter(tokens.c.token == token).first()\n",
    "def verify_key(db, key):\n    return db.execute(select(K).where(and_(K.active, keys.c.api_key == key)))\n",
    # `checks` as a noun: updating quality checks is no check of what the function is given
    "class Unit:\n    def update_checks(self, signature=None):\n        if signature != self.source_signature:\n"
    "            self.run()\n",
    "def run_checks(token):\n    return token == self.token\n",
    # run-together names that are not checks of a credential
    "def checksum(data, signature):\n    return signature == self.signature\n",
    # a marker for a missing or failed secret is a state, not a secret
    "from .crypto import FAILED_TO_DECRYPT_PASSWORD\ndef login(request):\n    password = request.form['password']\n"
    "    if password != FAILED_TO_DECRYPT_PASSWORD:\n        return password\n",
    "def show(request):\n    return request.form['password'] == MASKED_PASSWORD\n",
    # a lookup in what was sent is what was sent: a password and its confirmation
    "def check_form(request):\n    return request.form['password'] == request.form[CONFIRM]\n",
])
def test_fourth_held_out_quiet_kinds(src):
    assert rnd301(src) == []


@pytest.mark.parametrize(("src", "line", "start"), [
    # a parameter named like the object's own field is the copy given to be checked
    ("class Client:\n    def check_client_secret(self, client_secret):\n        return self.client_secret == client_secret\n",
     3, "parameter 'client_secret' of check_client_secret() compared with == to 'self.client_secret'"),
    ("class Hook:\n    def verify_secret(self, secret):\n        return secret == self._secret\n",
     3, "parameter 'secret' of verify_secret() compared with == to 'self._secret'"),
    # a password sent, compared with the copy stored in a table under the user's name
    ("class Auth:\n    def check_credentials(self, username, password):\n        return self._users.get(username) == password\n",
     3, "parameter 'password' of check_credentials() compared with == to 'self._users.get(username)'"),
    ("def authenticate(username, password):\n    return USERS[username] != password\n",
     2, "parameter 'password' of authenticate() compared with != to 'USERS[username]'"),
    ("def login(request):\n    user = request.form['user']\n    if PASSWORDS.get(user) == request.form['password']:\n"
     "        return 'ok'\n", 3, "'password' form field compared with == to 'PASSWORDS.get(user)'"),
    # a run-together checking name still counts (`checkpw`)
    ("def checkpw(self, pw):\n    return pw == self.password\n", 2, "parameter 'pw' of checkpw() compared with == to 'self.password'"),
])
def test_fourth_held_out_flagged_kinds(src, line, start):
    [(found_line, message)] = rnd301(src)
    assert found_line == line and message.startswith(start), message


def test_a_secret_parameter_of_a_function_that_does_not_check_stays_the_programs_own():
    # `verify(body, secret)` takes the key; only a parameter named like the object's field is the copy given
    src = "class Hook:\n    def sign(self, secret):\n        return secret == self.secret\n"
    assert rnd301(src) == []
    # nor a secret parameter compared with a field of another name: which of the two is given is unknown
    src = "class Hook:\n    def verify(self, body, secret):\n        return secret == self.previous_secret\n"
    assert rnd301(src) == []


@pytest.mark.parametrize("src", [
    # a rate limiter's bucket of tokens: elapsed time times a rate is an amount, not an identifier
    "import time\nclass Limiter:\n    def acquire(self):\n"
    "        self.tokens = min(self.capacity, self.tokens + (time.monotonic() - self.updated) * self.rate)\n"
    "        self._tokens = self._tokens + (time.time() - self._last) * self.rate\n",
    # tokens counted per second
    "import time\ndef step(usage, t0):\n    token_speed = usage.tokens / (time.perf_counter() - t0)\n",
])
def test_a_duration_from_the_clock_is_no_token(src):
    assert [f for f in find(src, path="app/x.py") if f.code == "RND203"] == []


def test_a_token_made_from_the_clock_is_still_reported():
    src = "import time, hashlib\ndef new_session():\n    token = hashlib.md5(str(time.time()).encode()).hexdigest()\n    return token\n"
    assert [f.line for f in find(src, path="app/x.py") if f.code == "RND203"] == [3]
