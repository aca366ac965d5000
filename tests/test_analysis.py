"""The detection model, case by case: sources, propagation, sinks, context and suppression."""
from __future__ import annotations

import textwrap

import pytest

from flake8_secure_random import comparisons, weakness
from flake8_secure_random.analysis import Plan, find, might_use_random
from flake8_secure_random.model import Settings
from flake8_secure_random.rules import RULES


def check(src: str, **settings):
    return find(textwrap.dedent(src).lstrip("\n"), Settings(**settings))


def lines(src: str, **settings):
    return [(f.line, f.code) for f in check(src, **settings)]


# -- the textbook cases ------------------------------------------------------------------------
def test_password_from_choice_is_flagged_with_its_reason():
    [f] = check(
        """
        import random, string
        password = ''.join(random.choice(string.ascii_letters) for _ in range(12))
        """
    )
    assert (f.code, f.line, f.col) == ("RND101", 2, 19)
    assert f.message == "random.choice() builds 'password'; use secrets.choice()"
    assert "assigned to 'password' on line 2" in f.why


def test_six_digit_otp():
    [f] = check("import random\notp = random.randint(100000, 999999)\n")
    assert f.message == "random.randint() builds 'otp'; use secrets.randbelow()"


@pytest.mark.parametrize("call", ["random.getrandbits(128)", "int.from_bytes(random.randbytes(16), 'big')"])
def test_api_key(call):
    assert lines(f"import random\napi_key = '%x' % {call}\n") == [(2, "RND101")]


def test_secrets_versions_are_quiet():
    assert lines(
        """
        import secrets, string
        password = ''.join(secrets.choice(string.ascii_letters) for _ in range(12))
        otp = secrets.randbelow(900000) + 100000
        api_key = secrets.token_hex(32)
        """
    ) == []


# -- sources: import forms and what is not the module ------------------------------------------
@pytest.mark.parametrize(
    ("imports", "call", "qualname"),
    [
        ("import random", "random.choice(x)", "random.choice"),
        ("import random as r", "r.choice(x)", "random.choice"),
        ("from random import choice", "choice(x)", "random.choice"),
        ("from random import choice as pick", "pick(x)", "random.choice"),
        ("from random import *", "choice(x)", "random.choice"),
        ("import os, random as rnd", "rnd.sample(x, 3)", "random.sample"),
        ("import numpy as np", "np.random.choice(x)", "numpy.random.choice"),
        ("import numpy", "numpy.random.randint(0, 9)", "numpy.random.randint"),
        ("import numpy.random as npr", "npr.bytes(16)", "numpy.random.bytes"),
        ("from numpy import random as npr", "npr.random()", "numpy.random.random"),
        ("from numpy.random import randint", "randint(0, 9)", "numpy.random.randint"),
    ],
)
def test_every_import_form(imports, call, qualname):
    [f] = check(f"{imports}\nx = 'abc'\ntoken = {call}\n")
    assert f.qualname == qualname and f.line == 3


def test_local_import_inside_function():
    assert lines(
        """
        def make_token():
            import random
            return random.getrandbits(64)
        """
    ) == [(3, "RND101")]


@pytest.mark.parametrize(
    "src",
    [
        # a parameter merely named random
        "import random\ndef f(random):\n    password = random.choice('ab')\n",
        # a local bound to something else
        "import random\ndef f(x):\n    random = x.rng\n    token = random.getrandbits(8)\n",
        # old Django's rebinding
        "import random\ntry:\n    random = random.SystemRandom()\nexcept NotImplementedError:\n    pass\n"
        "secret = random.choice('abc')\n",
        "from random import SystemRandom\nrng = SystemRandom()\ntoken = rng.getrandbits(64)\n",
        "import random\nsalt = random.SystemRandom().choice('abc')\n",
        # other modules' Random
        "from Crypto import Random\nkey = Random.new().read(16)\n",
        "import secrets\nimport random\nnonce = secrets.token_bytes(16)\n",
        # a name that only looks like the module
        "import random\nclass A:\n    random = None\n    def f(self):\n        token = self.random.choice('ab')\n",
    ],
)
def test_not_a_source(src):
    assert lines(src) == []


def test_generator_instance_is_anchored_at_its_creation():
    [f] = check(
        """
        import random
        rng = random.Random(42)

        def session_id():
            return '%x' % rng.getrandbits(128)
        """
    )
    assert (f.code, f.line, f.col) == ("RND102", 2, 6)
    assert f.message == "random.Random() generator builds 'session_id()'; use secrets.SystemRandom()"


def test_generator_on_self_and_bound_method_alias():
    assert lines(
        """
        import random
        class Tokens:
            def __init__(self):
                self._rng = random.Random()
            def new(self):
                token = self._rng.getrandbits(64)
                return token
        """
    ) == [(4, "RND102")]
    assert lines(
        """
        import random as _random
        rng = _random.Random()
        choice = rng.choice
        password = ''.join(choice('abc') for _ in range(9))
        """
    ) == [(2, "RND102")]


def test_numpy_generator():
    assert lines("import numpy as np\nrng = np.random.default_rng()\naes_key = rng.bytes(16)\n") == [(2, "RND102")]


def test_seed_feeding_a_secret_is_reported():
    found = lines(
        """
        import random, time
        def reset_code():
            random.seed(time.time())
            return random.randint(100000, 999999)
        """
    )
    assert found == [(3, "RND103"), (4, "RND101")]


# -- propagation -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "expr",
    [
        "''.join(random.sample(chars, 8))",
        "'-'.join([random.choice(chars) for _ in range(4)])",
        "'%08d' % random.randint(0, 10**8)",
        "'{}'.format(random.random())",
        "f'{random.getrandbits(64):x}'",
        "str(random.random()).encode()",
        "hashlib.sha256(str(random.random()).encode()).hexdigest()",
        "chars[random.randrange(len(chars))]",
        "base64.b64encode(bytes(random.getrandbits(8) for _ in range(16)))",
        "uuid.UUID(int=random.getrandbits(128))",
        "hex(random.getrandbits(64))[2:]",
        "random.choice(chars) + random.choice(chars)",
    ],
)
def test_flow_into_a_secret(expr):
    src = f"import base64, hashlib, random, uuid\nchars = 'abc'\ntoken = {expr}\n"
    assert [c for _, c in lines(src)] and all(line == 3 for line, _ in lines(src))


def test_flow_through_variables_loops_and_containers():
    assert lines(
        """
        import random
        def gen(n):
            out = []
            for _ in range(n):
                c = random.choice('abc')
                out.append(c)
            random.shuffle(out)
            password = ''.join(out)
            return password
        """
    ) == [(5, "RND101"), (7, "RND101")]


def test_random_length_and_branches_shape_the_secret():
    assert lines(
        """
        import random
        def new_password():
            pw = ''
            for _ in range(random.randint(8, 12)):
                kind = random.choice('ad')
                if kind == 'a':
                    pw += random.choice('xyz')
            return pw
        """
    ) == [(4, "RND101"), (5, "RND101"), (7, "RND101")]


def test_same_module_helper_used_for_a_secret():
    assert lines(
        """
        import random, string
        def rand_str(n, chars=string.ascii_letters):
            return ''.join(random.choice(chars) for _ in range(n))
        def roll():
            return random.randint(1, 6)
        token = rand_str(32)
        label = rand_str(4)
        die = roll()
        """
    ) == [(3, "RND101")]


def test_helper_method_through_self():
    assert lines(
        """
        import random
        class Signup:
            def _rand(self, n):
                return ''.join(random.choice('ab') for _ in range(n))
            def save(self, user):
                user.activation_key = self._rand(40)
        """
    ) == [(4, "RND101")]


# -- sinks -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "stmt",
    [
        "user.password = v",
        "d['api_key'] = v",
        "create_user(name, password=v)",
        "payload = {'csrf_token': v}",
        "response.set_cookie('sid', v)",
        "hmac.new(v, msg)",
        "hashlib.pbkdf2_hmac('sha256', pw, v, 1000)",
        "user.set_password(v)",
        "resetCode = v",
        "SESSION_ID = v",
        "client_secret = v",
        "iv = v",
        "nonce = v",
        "api_tokens = [v]",
        "reset_codes = {v}",
    ],
)
def test_sinks(stmt):
    src = f"import hashlib, hmac, random\nv = '%x' % random.getrandbits(64)\n{stmt}\n"
    assert lines(src) == [(2, "RND101")], stmt


@pytest.mark.parametrize(
    "stmt",
    [
        "sort_key = v",
        "monkey = v",
        "keyboard = v",
        "key = v",
        "token_count = v",
        "password_length = 8 + v",
        "tokens_seen = v",
        "d[key] = v",
        "print(v)",
        "delay = v",
    ],
)
def test_not_sinks(stmt):
    src = f"import random\nv = random.randint(0, 9)\n{stmt}\n"
    assert lines(src) == [], stmt


def test_benign_code_is_quiet():
    assert lines(
        """
        import random, time
        def roll_dice():
            return random.randint(1, 6)
        def backoff(attempt):
            time.sleep(min(60, 2 ** attempt) + random.uniform(0, 1))
        def pick_server(servers):
            return random.choice(servers)
        colors = [random.choice(['red', 'blue']) for _ in range(3)]
        random.shuffle(colors)
        """
    ) == []


def test_picking_an_existing_key_is_not_making_one():
    assert lines("import random\ndef sign(jwks):\n    key = random.choice(jwks['keys'])\n    return key\n") == []


@pytest.mark.parametrize(
    "src",
    [
        "import random\nfake_password = ''.join(random.choice('ab') for _ in range(8))\n",
        "import random\ndef make_dummy_user(db):\n    db.add(password=random.choice('ab'))\n",
        "import random\nclass FakeTokenFactory:\n    def token(self):\n        return '%x' % random.getrandbits(64)\n",
        "import random\nsecret_number = random.randint(1, 100)\n",
        "import random\nsecret_word = random.choice(['apple', 'pear'])\n",
    ],
    ids=["fake-name", "dummy-function", "fake-class", "guessing-game", "hangman"],
)
def test_stand_ins_and_games_are_not_secrets(src):
    assert lines(src) == []


def test_benign_context_never_hides_a_direct_sink():
    assert lines(
        """
        import random
        def retry_with_jitter():
            password = ''.join(random.choice('abc') for _ in range(8))
            return password
        """
    ) == [(3, "RND202"), (3, "RND101")]  # too weak as well: both at once (issue 12)


def test_module_context(tmp_path):
    src = "import random\ndef generate(n):\n    return ''.join(random.choice('ab') for _ in range(n))\n"
    assert [f.line for f in find(src, path="pkg/captcha.py")] == [3]
    assert [f.line for f in find(src, path="pwgen/__init__.py")] == [3]
    assert find(src, path="pkg/dice.py") == []


def test_a_generator_script_prints_its_secret():
    src = "import random, string\nfor _ in range(5):\n    print(''.join(random.choice(string.digits) for _ in range(8)))\n"
    assert [f.message for f in find(src, path="tools/passgen.py")] == [
        "random.choice() builds 'password'; use secrets.choice()"
    ]
    assert find(src, path="tools/lottery.py") == []


def test_extra_words_from_settings():
    src = "import random\nvoucher = random.randint(0, 10**8)\nroll = random.randint(1, 6)\n"
    assert lines(src) == []
    assert lines(src, extend_sensitive_words=("voucher",)) == [(2, "RND101")]
    assert lines(src, extend_sensitive_words=("roll",), extend_benign_words=()) == [(3, "RND101")]


# -- test files, suppression -------------------------------------------------------------------
@pytest.mark.parametrize("path", ["tests/helpers.py", "test_auth.py", "auth_test.py", "conftest.py", "a/testing/x.py"])
def test_test_files_are_skipped_unless_asked(path):
    src = "import random\npassword = random.choice('ab')\n"
    assert find(src, path=path) == []
    assert len(find(src, Settings(include_tests=True), path=path)) == 1
    assert len(find(src, path="app/auth.py")) == 1


@pytest.mark.parametrize(
    ("comment", "silenced"),
    [
        ("# noqa", True),
        ("# noqa: RND101", True),
        ("# noqa:RND1", True),
        ("# noqa: E501,RND101", True),
        ("# NOQA: rnd101", True),
        ("# noqa: RND102", False),
        ("# noqa: E501", False),
        ("# nosec", True),
        ("# nosec B311", True),
        ("# nosec: B311, B105", True),
        ("# nosec B105", False),
        ("# noqa: S311", True),
        ("# noqa: DUO102", True),
        ("# just a comment", False),
    ],
)
def test_suppression_comments(comment, silenced):
    src = f"import random\npassword = random.choice('ab')  {comment}\n"
    assert (lines(src) == []) is silenced


def test_noqa_on_the_last_line_of_a_multiline_call():
    src = "import random\npassword = random.choice(\n    'ab'\n)  # noqa: RND101\n"
    assert lines(src) == []


def test_disable_noqa_keeps_peer_markers():
    src = "import random\na_token = random.choice('ab')  # noqa\nb_token = random.choice('ab')  # nosec B311\n"
    assert lines(src, honour_noqa=False) == [(2, "RND101")]


# -- positions and the prefilter ---------------------------------------------------------------
def test_columns_count_characters_not_bytes():
    [f] = check("import random\npassword = 'é' + random.choice('ab')\n")
    assert f.col == len("password = 'é' + ")
    assert f.col_bytes == f.col + 1


def test_prefilter():
    assert not might_use_random("x = 1  # random comment\n")
    assert might_use_random("import os, random\n")
    assert might_use_random("from numpy import random\n")
    assert might_use_random("    from random import (\n        choice,\n    )\n")
    assert not might_use_random("import secrets\nrandom_name = 1\n")


# -- RND301: secrets compared with == (more kinds in test_comparison_kinds.py) --------------------
@pytest.mark.parametrize(
    "expr",
    [
        "request.headers['X-Csrf-Token'] == session['csrf_token']",
        "user.api_key != provided",
        "form.code != reset_code",
        "stored.hashed_password == candidate",
        "settings.API_KEY == request.META['HTTP_X_API_KEY']",
        "user.password != typed_password",
    ],
)
def test_secret_comparisons(expr):
    found = [f for f in check(f"import hashlib, hmac\nif {expr}:\n    pass\n") if f.code == "RND301"]
    assert [(f.line, f.col) for f in found] == [(2, 3)], expr
    assert found[0].message.endswith("; use secrets.compare_digest()")


@pytest.mark.parametrize(
    "expr",
    [
        "token == ''",
        "token is None",
        "token_count == n",
        "token_type != expected_type",
        "token == tokenize.NAME",
        "sig == signal.SIGINT",
        "inspect.signature(f) == inspect.signature(g)",
        "next_token == ')'",
        "len(token) == 32",
        "token == other",
        "key == other_key",
        "fake_token == expected",
        "request.session_key != user.pk",
        "lock_token == expected",
        "next_page_token != stored",
        "token == expected",  # neither side comes from outside
        "signature == hmac.new(key, body, hashlib.sha256).hexdigest()",
    ],
)
def test_not_secret_comparisons(expr):
    assert [f for f in check(f"if {expr}:\n    pass\n") if f.code == "RND301"] == []


def test_a_verifier_s_parameters_come_from_outside():
    src = ("import hashlib, hmac\n"
           "def verify(body, signature):\n"
           "    return signature == hmac.new(KEY, body, hashlib.sha256).hexdigest()\n"
           "def check_token(self, token):\n"
           "    return token == self.token\n")
    assert [(f.line, f.code) for f in check(src)] == [(3, "RND301"), (5, "RND301")]


def test_comparison_across_a_line_break_and_with_call_arguments():
    src = "def view(request):\n    if (settings.API_TOKEN\n            == request.headers['X-Token']):\n        pass\n" \
          "    return stored_password_hash == hash_password(request.POST['password'])\n"
    found = check(src)
    assert [(f.line, f.code) for f in found] == [(2, "RND301"), (5, "RND301")]
    assert found[0].message.startswith("'X-Token' header compared with == to 'settings.API_TOKEN'")
    assert found[1].message.startswith("'password' form field compared with == to 'stored_password_hash'")


def test_a_plain_digest_needs_a_key_in_sight():
    checksum = "def verify(raw, digest):\n    if digest != computed_digest(raw):\n        raise ValueError\n"
    mac = "def verify(raw, digest, hmac_key):\n    if digest != computed_digest(raw, hmac_key):\n        raise ValueError\n"
    assert check(checksum) == []
    assert [f.code for f in check(mac)] == ["RND301"]


def test_a_lock_token_is_no_secret_but_a_qualified_one_is():
    lock = "class Lock:\n    def check_owner(self, token):\n        return token == self.token\n"
    api = "class Lock:\n    def check_owner(self, token):\n        return self.api_token == token\n"
    assert check(lock) == []
    assert [f.code for f in check(api)] == ["RND301"]


def test_comparisons_inside_assert_are_not_reported():
    src = "class Auth:\n    def check(self, presented):\n        assert self.session_token == presented\n" \
          "        return self.session_token == presented\n"
    assert [f.line for f in check(src)] == [4]
    unit = "def test(self, presented):\n    self.assertTrue(self.session_token == presented)\n"
    assert check(unit) == []


@pytest.mark.parametrize(
    "src",
    [
        "import time\ntoken = {'sub': 1, 'exp': time.time() + 3600}\n",
        "import time\ntoken = AccessToken('x', int(time.time() + TTL))\n",
        "import time\ntoken = AccessToken('x', expires_on=time.time())\n",
        "import datetime\ntoken = make(datetime.datetime.now() + datetime.timedelta(hours=1))\n",
        "import uuid\nclass Lock:\n    def acquire(self):\n        self.token = uuid.uuid1().hex\n",
        "import uuid\nlock_token = uuid.uuid1().hex\n",
        "import time\ntoken = SimpleToken('value', time.time() * 1000, {'k': 'v'})\n",
        "import time\nsignature = pygit2.Signature('A', 'a@example.org', int(time.time()), 0)\n",
        # a nonce or a challenge goes out in the clear: fresh, not secret (issue 12)
        "import time, uuid\nnonce = uuid.uuid5(uuid.NAMESPACE_DNS, str(time.time()))\n",
        "import time\ndef calculate_nonce(realm):\n    return '%d:%s' % (time.time(), realm)\n",
        # the clock with a maker of its own: `new_id()` may well be random
        "import time\nclass C:\n    def new_session(self):\n        return str(time.time()) + '-' + self.xmpp.new_id()\n",
        # made into a time field of a structure
        "import datetime\ntoken = Token(root=Error(stime=GeneralizedTime(datetime.datetime.now())))\n",
        "import time\ntoken = {'nbf': time.time(), 'not_before': time.time()}\n",
    ],
)
def test_clock_readings_that_stay_times_are_not_predictable_secrets(src):
    assert [f for f in check(src) if f.code == "RND203"] == []


@pytest.mark.parametrize(
    "src",
    [
        "import time\nsession_id = str(time.time()) + '-' + str(counter)\n",
        "import time\ntoken = hashlib.md5(str(time.time()).encode()).hexdigest()\n",
        "import time\ntoken = str(int(time.time()) + counter)\n",
        "import time, os\nsession_id = '{}-{}'.format(time.time(), os.getpid())\n",
        "import time, hashlib\napi_key = hashlib.sha256(str(time.time()).encode()).hexdigest()\n",
        "import time, uuid\nreset_token = uuid.uuid5(uuid.NAMESPACE_DNS, str(time.time()))\n",
        "import time\nsession_id = make_session_id(user.id, time.time())\n",
        "import time\nsession_id = make_session_id(\n    user.id,\n    time.time(),\n)\n",
    ],
)
def test_clock_readings_that_make_the_token_are_predictable_secrets(src):
    assert [f.code for f in check(src)] == ["RND203"]


FLOWS = [
    ("import time, hashlib\ndef make():\n    stamp = time.time()\n    x = 1\n"
     "    token = hashlib.md5(str(stamp).encode()).hexdigest()\n    return token\n", [3]),
    ("from time import time\nsession_id = str(time())\n", [2]),
    ("import uuid as u\napi_key = u.uuid1().hex\n", [2]),
    ("from uuid import uuid1\ndef new_session():\n    return str(uuid1())\n", [3]),
    ("import time\ndef make_token():\n    stamp = int(time.time())\n    return 'tok-%d' % stamp\n", [3]),
    # not: a timer, a deadline through a variable, a variable set twice, a use before the assignment
    ("import time\ndef f():\n    start = time.time()\n    work()\n    elapsed_token_time = time.time() - start\n", []),
    ("import time\ndef f(v):\n    now = time.time()\n    token = {'v': v, 'exp': now + 3600}\n", []),
    ("import time, secrets\ndef f():\n    stamp = time.time()\n    stamp = secrets.token_hex(16)\n    token = stamp\n", []),
    ("import time\ndef f():\n    stamp = 1\n    def g():\n        stamp = time.time()\n    token = str(stamp)\n", []),
    ("import time\ndef f(seed, stamp=None):\n    if not stamp:\n        stamp = str(time.time())\n"
     "    signature = sign(seed, stamp)\n", []),
    ("import time, hmac\ndef f(key):\n    session_token = hmac.new(key, str(time.time()).encode(), 'sha256').hexdigest()\n", []),
    ("import time\ndef make_token():\n    data = {\n        'start': time.time(),\n    }\n    return data\n", []),
    ("import time\ndef make_token():\n    data = (\n        str(time.time())\n    )\n    return data\n", [4]),
    ("import time\ndef f(items):\n    secs = time.time() - items['password_age']\n    ret['password_changed'] = secs\n", []),
    ("import time\ndef f(user):\n    stamp = str(time.time()) + user.password_hint\n    user.reset_token = stamp\n", [3]),
]


@pytest.mark.parametrize(("src", "expected"), FLOWS)
def test_predictable_values_through_a_variable_and_aliases(src, expected):
    assert [f.line for f in check(src) if f.code == "RND203"] == expected


# -- RND201: tokens too short ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("src", "message"),
    [
        ("import secrets\nreset_token = secrets.token_hex(8)\n",
         "secrets.token_hex(8) gives 64 bits for 'reset_token'; use at least 16 bytes (128 bits), 32 recommended"),
        ("import secrets as s\napi_key = s.token_urlsafe(15)\n",
         "secrets.token_urlsafe(15) gives 120 bits for 'api_key'; use at least 16 bytes (128 bits), 32 recommended"),
        ("import os, base64\nsession_id = base64.b64encode(os.urandom(6)).decode()\n",
         "os.urandom(6) gives 48 bits for 'session_id'; use at least 16 bytes (128 bits), 32 recommended"),
        ("from secrets import token_bytes\ndef make_secret():\n    return token_bytes(4)\n",
         "secrets.token_bytes(4) gives 32 bits for 'make_secret'; use at least 16 bytes (128 bits), 32 recommended"),
    ],
)
def test_short_tokens(src, message):
    assert [f.message for f in check(src) if f.code == "RND201"] == [message]


@pytest.mark.parametrize(
    "src",
    [
        "import secrets\nreset_token = secrets.token_hex(16)\n",
        "import secrets\ntrace_id = secrets.token_hex(4)\n",
        "import secrets\notp_secret = secrets.token_hex(4)\n",
        "import os\niv = os.urandom(12)\n",
        "import secrets\nn = 8\napi_key = secrets.token_hex(n)\n",
        "import secrets\ntoken = len(secrets.token_hex(4))\n",
    ],
)
def test_not_short_tokens(src):
    assert [f for f in check(src) if f.code == "RND201"] == []


# -- RND202: passwords with too little entropy -------------------------------------------------------
def test_weak_password_bits_and_threshold():
    src = "import secrets, string\npw = ''.join(secrets.choice(string.ascii_lowercase) for _ in range(8))\n"
    [f] = [f for f in check(src) if f.code == "RND202"]
    assert f.message == "'pw' has 37.6 bits (8 characters from 26); use at least 64 bits, e.g. 14 characters from this alphabet"
    assert [f for f in check(src, min_password_bits=32.0) if f.code == "RND202"] == []


@pytest.mark.parametrize(
    "src",
    [
        "import secrets, string\npassword = ''.join(secrets.choice(string.ascii_letters + string.digits) for _ in range(16))\n",
        "import secrets, string\notp = ''.join(secrets.choice(string.digits) for _ in range(6))\n",
        "import secrets, string\nlabel = ''.join(secrets.choice(string.ascii_lowercase) for _ in range(4))\n",
        # built with random in fake-data code: RND101 is quiet there, so RND202 is too
        "import random, string\nfake_password = ''.join(random.choice(string.ascii_lowercase) for _ in range(4))\n",
        "import secrets\npassword = ''.join(secrets.choice(chars) for _ in range(4))\n",
    ],
)
def test_not_weak_passwords(src):
    assert [f for f in check(src) if f.code == "RND202"] == []


# -- the text prefilters never hide a finding ----------------------------------------------------------
PREFILTER_CASES = [ex.code for rule in RULES for ex in rule.bad + rule.ok] + [src for src, _ in FLOWS] + [
    "def f(request, expected):\n    if (request.api_token\n            == expected):\n        pass\n",
    "def f(request, expected):\n    if (request.api_token ==\n            expected):\n        pass\n",
    "def f(x, stored_hash):\n    return password_hash(x) == stored_hash\n",
    "def f(request, expected):\n    return request.headers['X-Api-Token'][0:32] == expected\n",
    "def f(client, provided):\n    return client.api_key == 'k' + provided\n",
    "def f(client, provided):\n    return client.api_key == '%s' % provided\n",
    "import time\ndef make_token():\n    def helper():\n        return 1\n    return str(time.time())\n",
    "from datetime import datetime as dt\nsession_id = str(dt.now())\n",
    "import uuid as u\napi_key = u.uuid1().hex\n",
    "import time as clock\nnonce = str(clock.time())\n",
    "import time\nsession_id = '{}-{}'.format(\n    user.id,\n    time.time(),\n)\n",
]


@pytest.mark.parametrize("src", PREFILTER_CASES)
def test_prefilters_never_hide_a_finding(src, monkeypatch):
    fast = find(src, Settings())
    every_line = lambda source, first_only=False: set(range(1, source.count("\n") + 2))  # noqa: E731
    monkeypatch.setattr(comparisons, "candidate_lines", every_line)
    monkeypatch.setattr(weakness, "predictable_lines", every_line)
    assert find(src, Settings(), prefiltered=Plan(True, True, True, True, True)) == fast
