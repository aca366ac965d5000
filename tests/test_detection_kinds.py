"""Issue 11's kinds of misses and false alarms, each as small flagged and quiet programs of our own.

Every case is (source, path, expected flagged lines). The path matters: module, package and class
names are context. None of these programs is taken from the corpus.
"""
from __future__ import annotations

import textwrap

import pytest

from flake8_secure_random.analysis import find


def flagged(src: str, path: str = "app/views.py", codes: str = "RND1") -> list:
    found = find(textwrap.dedent(src).lstrip("\n"), path=path)
    return sorted({f.line for f in found if f.code.startswith(codes)})


FLAGGED = {
    # 17. a value printed by code about a secret, held in a variable whose name says nothing else
    "captcha_main_prints_the_code": ("""
        import random
        def main():
            code = "".join(random.choice("ABCDEFGH23456789") for _ in range(5))
            print(code)
        """, "captchagen/__main__.py", [3]),
    "password_generator_prints_font_and_password": ("""
        import random, string
        def main():
            font = random.choice(["a", "b"])
            print(font, "".join(random.choice(string.ascii_letters) for _ in range(16)))
        """, "passgen/__main__.py", [4]),
    # 0. the import itself continued over lines (backslash, parentheses): the text prefilter must see it
    "import_continued_with_a_backslash": ("""
        import os, \\
            random
        password = "".join(random.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(20))
        """, "app/views.py", [3]),
    "import_keyword_continued": ("""
        import\\
            random
        token = "%032x" % random.getrandbits(128)
        """, "app/views.py", [3]),
    # 1. benign or fake words in enclosing names never hide a direct strong sink
    "demo_function_password": ("""
        import random, string
        def demo_signup(db):
            password = "".join(random.choice(string.ascii_letters) for _ in range(12))
            db.save(password)
        """, "app/views.py", [3]),
    "rotate_method_token": ("""
        import random
        class Keys:
            def rotate(self):
                token = "%032x" % random.getrandbits(128)
                self.store(token)
        """, "app/keys.py", [4]),
    "captcha_answer_in_image_module": ("""
        import random
        def draw_text(image, chars):
            answer = ""
            for i in range(4):
                char = random.choice(chars)
                answer += char
                x = random.randint(0, 10)
            return image, answer
        """, "mycaptcha/image.py", [5]),
    "captcha_answer_in_captcha_image_class": ("""
        import random
        class CaptchaImage:
            def generate(self):
                self.text = "".join(random.sample("ABCDEFGH", 4))
                self.noise = random.random()
        """, "app/drawing.py", [4]),
    "captcha_text_function_in_a_captcha_package": ("""
        import random, string
        def generate_text(n=5):
            return "".join(random.choice(string.ascii_uppercase) for _ in range(n))
        """, "mycaptcha/text.py", [3]),
    # 2. calls that pass a value through
    "repr_passes_value": ("""
        import random
        from hashlib import sha1
        token = sha1(repr(random.random()).encode()).hexdigest()
        """, "app/util.py", [3]),
    # 3. generators consumed by a password builder
    "generator_consumed_by_next": ("""
        import random
        ALPHABET = "abcdef0123"
        def _chars():
            while True:
                yield random.choice(ALPHABET)
        def make_password(n):
            it = _chars()
            return "".join(next(it) for _ in range(n))
        """, "app/util.py", [5]),
    "generator_consumed_by_join": ("""
        import random
        def _chars(n):
            for _ in range(n):
                yield random.choice("abcdef")
        password = "".join(_chars(12))
        """, "app/util.py", [4]),
    # 4. a helper that changes the caller's list
    "helper_mutates_list_by_index": ("""
        import random
        def _sprinkle_digits(parts):
            for i in range(len(parts)):
                parts[i] += str(random.randint(0, 9))
        def new_password(words):
            parts = list(words)
            _sprinkle_digits(parts)
            return "-".join(parts)
        """, "app/util.py", [4]),
    "helper_mutates_list_at_random_index": ("""
        import random
        SYMBOLS = "!#%"
        def _add_symbol(chars):
            chars[random.randrange(len(chars))] = random.choice(SYMBOLS)
        def make_password(base):
            chars = list(base)
            _add_symbol(chars)
            return "".join(chars)
        """, "app/util.py", [4]),
    "random_index_store_shapes_list": ("""
        import random
        from secrets import choice
        def password(chars):
            out = list(chars)
            out[random.randint(0, len(out) - 1)] = choice("!#%")
            return "".join(out)
        """, "app/util.py", [5]),
    # 5. callables handed to a framework for a field named like a secret
    "orm_default_lambda": ("""
        import random
        from sqlalchemy import Column, String
        class ApiClient:
            api_key = Column(String, default=lambda: "%x" % random.getrandbits(64))
        """, "app/models.py", [4]),
    "dataclass_default_factory": ("""
        import random
        from dataclasses import dataclass, field
        def _rand():
            return "".join(random.choices("abc123", k=20))
        @dataclass
        class Invite:
            token: str = field(default_factory=_rand)
        """, "app/models.py", [4]),
    # 6. partials, generator parameter defaults, fresh generators
    "partial_of_random_function": ("""
        import functools, random
        gen = functools.partial(random.getrandbits, 128)
        session_token = "%x" % gen()
        """, "app/util.py", [2]),
    "generator_as_parameter_default": ("""
        import random
        def make_token(n, rng=random.Random()):
            return "".join(rng.choice("ABCDEF") for _ in range(n))
        """, "app/util.py", [2]),
    "partial_stored_on_self": ("""
        import random, struct
        from functools import partial
        class WebSocketWriter:
            def __init__(self):
                self.get_random_bits = partial(random.getrandbits, 32)
            def send(self, payload):
                mask = struct.pack("!I", self.get_random_bits())
                return mask + payload
        """, "app/ws/writer.py", [5]),
    "map_of_random_choice": ("""
        import random
        CHARS = "abcdef0123"
        api_key = "".join(map(random.choice, [CHARS] * 32))
        password = "".join(map(lambda _: random.choice(CHARS), range(16)))
        """, "app/util.py", [3, 4]),
    "lambda_named_for_a_secret": ("""
        import random
        new_token = lambda: "%032x" % random.getrandbits(128)
        """, "app/util.py", [2]),
    "base_class_reads_what_a_subclass_wrote": ("""
        import random
        class Protocol:
            def finish(self):
                self.api_key = self.data
        class Client(Protocol):
            def start(self):
                self.data = "%x" % random.getrandbits(64)
        """, "app/proto.py", [7]),
    "object_holds_its_answer": ("""
        import random
        def make(chars):
            text = "".join(random.choice(chars) for _ in range(4))
            return Challenge(image=None, text=text)
        captcha = make("ABCD")
        """, "app/util.py", [3]),
    "sms_code_and_magic_link": ("""
        import random
        sms_code = random.randint(100000, 999999)
        magic_link = "/login/%x" % random.getrandbits(64)
        """, "app/notify.py", [2, 3]),
    "clipboard_copy_shows_the_password": ("""
        import random, pyperclip
        def make_password():
            items = "".join(random.choice("abc") for _ in range(12))
            pyperclip.copy(items)
        """, "app/util.py", [3]),
    "signed_packet_signature_is_keyed": ("""
        import random
        def sign_packet(packet):
            signature = "%x" % random.getrandbits(64)
            return packet, signature
        """, "app/net.py", [3]),
    "an_object_holds_what_its_attributes_hold": ("""
        import random
        def login(session):
            session.seed = random.getrandbits(64)
            api_token = "%x" % hash(session)
            return api_token
        """, "app/auth.py", [3]),
    "a_wrapped_secret_is_the_secret": ("""
        import random, string
        from pydantic import SecretStr
        def new_password():
            password = SecretStr("".join(random.choice(string.ascii_letters) for _ in range(16)))
            return password
        """, "app/users.py", [4]),
    "a_dataclass_field_read_back": ("""
        import random
        from dataclasses import dataclass
        @dataclass
        class Holder:
            value: int
        def setup(user):
            h = Holder(value=random.getrandbits(64))
            user.password = h.value
        """, "app/users.py", [7]),
    "websocket_abbreviated_ws": ("""
        import random
        class Frame:
            def build(self, payload):
                masking_key = bytes(random.getrandbits(8) for _ in range(4))
                return masking_key, payload
        """, "app/ws/frames.py", [4]),
    "method_of_a_local_instance": ("""
        import random
        class Gen:
            def __init__(self):
                self._v = random.getrandbits(64)
            def get(self):
                return self._v
        def setup(user):
            g = Gen()
            user.password = g.get()
        """, "app/users.py", [4]),
    # 7. a secret stored under a key held in a variable or an f-string
    "fstring_key": ("""
        import random
        def remember(store, uid):
            store[f"reset_token_{uid}"] = random.getrandbits(64)
        """, "app/util.py", [3]),
    "variable_key_named_for_a_cookie": ("""
        import random
        def login(session, cookie_name):
            session[cookie_name] = "%x" % random.getrandbits(64)
        """, "app/util.py", [3]),
    "setdefault_key": ("""
        import random
        def defaults(d):
            d.setdefault("password", "".join(random.choice("abcdef") for _ in range(16)))
        """, "app/util.py", [3]),
    "tuple_key_with_a_name": ("""
        import random
        def remember(store, uid):
            store[uid, "token"] = random.getrandbits(64)
        """, "app/util.py", [3]),
    # 8. factory methods of secret-named models; parameter defaults named like a secret
    "manager_create_kwargs_code": ("""
        import random
        class InvitationManager:
            def create(self, **kwargs):
                kwargs["code"] = "".join(random.choice("ABC123") for _ in range(8))
                return super().create(**kwargs)
        """, "app/models.py", [4]),
    "parameter_default_password": ("""
        import random
        def _rand():
            return "".join(random.choice("abc123") for _ in range(10))
        def create_user(name, password=_rand()):
            return name, password
        """, "app/users.py", [3]),
    # 9. key generation in crypto code
    "generate_keys": ("""
        import random
        def generate_keys(bits):
            return random.getrandbits(bits), 65537
        """, "app/rsa.py", [3]),
    "keypair": ("""
        import random
        class Curve:
            def make_keypair(self):
                d = random.randrange(1, self.n)
                return d, self.mul(d)
        """, "app/curve.py", [4]),
    "ecdsa_nonce_k": ("""
        import random
        def sign(curve, priv, digest):
            k = random.randrange(1, curve.n)
            r = curve.mul(k)[0] % curve.n
            return r, (digest + r * priv) * pow(k, -1, curve.n) % curve.n
        """, "app/ecdsa.py", [3]),
    # 10. values standards require to be unpredictable
    "websocket_mask": ("""
        import random, struct
        class WebSocketClient:
            def frame(self, payload):
                mask = struct.pack("!I", random.getrandbits(32))
                return mask + payload
        """, "app/ws.py", [4]),
    "dns_query_id": ("""
        import random
        def build_dns_query(name):
            query_id = random.randint(0, 0xFFFF)
            return query_id, name
        """, "app/resolver.py", [3]),
    "netbios_transaction_id": ("""
        import random
        class NetBIOSSession:
            def query(self, name):
                trn_id = random.randint(1, 0xFFFF)
                return self.send(trn_id, name)
        """, "app/nb.py", [4]),
    "sip_tag": ("""
        import random
        def sip_invite(uri):
            from_tag = "%08x" % random.getrandbits(32)
            call_id = "%x@host" % random.getrandbits(64)
            return from_tag, call_id
        """, "app/sip.py", [3, 4]),
    "stun_transaction": ("""
        import random
        def stun_binding_request():
            transaction_id = bytes(random.getrandbits(8) for _ in range(12))
            return b"\\x00\\x01" + transaction_id
        """, "app/nat.py", [3]),
    "coap_token": ("""
        import random
        class CoapRequest:
            def __init__(self):
                self.token = random.getrandbits(32).to_bytes(4, "big")
        """, "app/coap.py", [4]),
    "cas_ticket": ("""
        import random
        def new_service_ticket(service):
            ticket = "ST-" + "".join(random.choice("abcdef0123") for _ in range(32))
            return ticket
        """, "app/cas/views.py", [3]),
    "bosh_rid": ("""
        import random
        class BOSHConnection:
            def start(self):
                self.rid = random.randint(0, 10**9)
        """, "app/xmpp.py", [4]),
    # 11. a seed anywhere in the module before module-level calls that make a secret
    "module_seed_then_token_in_function": ("""
        import random, time
        random.seed(time.time())
        def new_token():
            return "%x" % random.getrandbits(64)
        """, "app/util.py", [2, 4]),
    "seed_in_init_then_token_in_method": ("""
        import random
        class Client:
            def __init__(self):
                random.seed()
            def handshake(self):
                self.nonce = random.getrandbits(64)
        """, "app/client.py", [4, 6]),
    # 9b. a bare `key` inside a function that enciphers is the cipher's key
    "key_inside_encrypt": ("""
        import random
        def encrypt(text, key=None):
            if key is None:
                key = ""
                while len(key) < 16:
                    key += random.choice("0123456789abcdef")
            return xor(text, key)
        """, "tool/core.py", [6]),
    # 17. a neutral function name whose docstring says it makes a secret (PEP 257 summary, returns section)
    "docstring_summary_names_the_secret": ("""
        import random
        def generate(length=14):
            \"\"\"Generate a new random secret for the challenge-response login.\"\"\"
            return "".join(random.choice("ABCDEFGHIJKLMNOP") for _ in range(length))
        """, "lib/auth.py", [4]),
    "docstring_returns_section_names_the_secret": ("""
        import random
        def make(n):
            \"\"\"Make a string of letters.

            :return: the new API key, ``n`` characters long.
            \"\"\"
            return "".join(random.choice("abcdef") for _ in range(n))
        """, "lib/util.py", [7]),
    # 16b. a real module with accessors for a user's details still makes real passwords
    "password_beside_accessors_of_personal_details": ("""
        import random
        class Account:
            def get_email(self):
                return self.email
            def get_phone_number(self):
                return self.phone
        def random_password(length=10):
            return "".join(random.choice("abcdefgh") for _ in range(length))
        """, "app/accounts.py", [8]),
    # 6b. a generator made as a parameter default, reached through functools.partial or an attribute
    "partial_of_a_default_generator": ("""
        import random
        from functools import partial
        class Writer:
            def __init__(self, random: random.Random = random.Random()):
                self.get_random_bits = partial(random.getrandbits, 32)
            def send(self, data):
                mask = self.get_random_bits().to_bytes(4, "big")
                websocket_mask(mask, data)
        """, "client/websocket/writer.py", [4]),
    "default_generator_kept_in_an_attribute": ("""
        import random
        class Signer:
            def __init__(self, rng=random.Random()):
                self._rng = rng
            def new_session(self):
                session_id = "%032x" % self._rng.getrandbits(128)
                return session_id
        """, "app/signer.py", [3]),
    # 18. a value handed to a password-hashing function is a password (bcrypt's hashpw(password, salt))
    "argument_of_bcrypt_hashpw": ("""
        import random, bcrypt
        def make_hash():
            word = "".join(random.choice("abcdef") for _ in range(12)).encode()
            return bcrypt.hashpw(word, bcrypt.gensalt())
        """, "tool/hashes.py", [3]),
    # 19. a helper that returns a password it was given with random symbols or casing put in
    "helper_reshapes_its_password_parameter": ("""
        import random
        def add_symbols(password):
            return "".join(w + random.choice("!@#$") for w in password.split())
        """, "tool/post.py", [3]),
    "helper_given_a_password_at_the_call": ("""
        import random
        def recase(s, chance):
            return "".join(c.upper() if random.random() < chance else c for c in s)
        def main(raw_password):
            print(recase(raw_password, 0.3))
        """, "tool/cli.py", [3]),
    # 20. the random function handed to shuffle orders the answer as much as the shuffle does
    "shuffle_driven_by_a_drawn_number": ("""
        import random
        def make_captcha(choices):
            r = random.random()
            random.shuffle(choices, lambda: r)
            answer = choices[:6]
            return answer
        """, "app/views.py", [3, 4]),
    # 16d. functions that send or time codes by email and phone make codes, not fake people
    "codes_sent_by_email_and_phone": ("""
        import random
        def get_email_sample(users):
            return random.choice(users).email
        def email_retry_delay():
            return random.uniform(1, 3)
        def phone_retry_delay():
            return random.uniform(1, 3)
        def new_sms_otp():
            otp = random.randint(100000, 999999)
            return otp
        """, "app/notify.py", [9]),
    "key_material_bytes_in_a_cipher_function": ("""
        import random
        def encrypt2(data):
            key_bytes = bytes(random.getrandbits(8) for _ in range(16))
            return aes(data, key_bytes)
        """, "tool/core.py", [3]),
    "partial_of_a_generator_kept_in_an_attribute": ("""
        import random, functools
        class Conn:
            def __init__(self):
                self.rng = random.Random()
                self.getmask = functools.partial(self.rng.getrandbits, 32)
            def send(self, data):
                mask = self.getmask().to_bytes(4, "big")
                websocket_mask(mask, data)
        """, "client/websocket/conn.py", [4]),
    "docstring_secret_used_for_cookies": ("""
        import random
        def make():
            \"\"\"Create the secret used to sign cookies.\"\"\"
            return "%032x" % random.getrandbits(128)
        """, "app/boot.py", [4]),
}

QUIET = {
    # 17. a value printed by code about a secret is that secret, unless the variable's name says it is
    # something else (a font, a colour, a file name): `print(font)` in a captcha program
    "captcha_main_prints_the_font": ("""
        import random
        FONTS = ["standard", "slant"]
        def main():
            font = random.choice(FONTS)
            print(font)
        """, "captchagen/__main__.py"),
    "captcha_main_prints_the_colour_with_the_answer_made_elsewhere": ("""
        import random
        def main(make):
            answer, colour = make(), random.choice(["red", "blue"])
            print(colour)
        """, "captchagen/__main__.py"),
    # 12. picking among existing things by index is picking
    "index_into_keys": ("""
        import random
        KEYS = ["a", "b"]
        api_key = KEYS[random.randrange(len(KEYS))]
        """, "app/util.py"),
    "choice_of_range_len": ("""
        import random
        def pick_secret(secrets_list):
            i = random.choice(range(len(secrets_list)))
            return secrets_list[i]
        """, "app/util.py"),
    # 13. a secret-looking local inside a function whose job is harmless
    "nonce_in_make_boundary": ("""
        import random
        def make_boundary():
            nonce = "%016x" % random.getrandbits(64)
            return "----=_Part_" + nonce
        """, "app/mail.py"),
    # 14. public identifiers
    "mqtt_client_id": ("""
        import random
        def connect(host):
            client_id = "locust-%d" % random.randint(0, 10**6)
            return host, client_id
        """, "app/mqtt.py"),
    "request_id": ("""
        import random
        def call(api):
            request_id = random.getrandbits(32)
            trace_id = "%x" % random.getrandbits(64)
            return api(request_id, trace_id)
        """, "app/rpc.py"),
    "sdp_session_id": ("""
        import random
        def make_sdp_offer():
            session_id = random.randint(0, 2**32)
            ssrc = random.getrandbits(32)
            return "o=- %d 0 IN IP4 0.0.0.0" % session_id, ssrc
        """, "app/sdp.py"),
    "sip_via_branch": ("""
        import random
        def sip_invite(uri):
            branch = "z9hG4bK%x" % random.getrandbits(32)
            return branch
        """, "app/sip.py"),
    "dns_message_in_other_protocol": ("""
        import random
        def publish(topic):
            message_id = random.randint(0, 0xFFFF)
            return topic, message_id
        """, "app/mqtt.py"),
    # 15. scientific and numeric attributes
    "condition_number": ("""
        import numpy
        class Matrix:
            def __init__(self):
                self.condition_number = numpy.random.randint(1, 100)
        """, "app/linalg.py"),
    # 16. fake-data libraries and data augmentation
    "faker_like_provider": ("""
        import random
        class Provider:
            def password(self, length=10):
                return "".join(random.choice("abc") for _ in range(length))
        """, "fakedata/providers/internet.py"),
    "token_augmentation": ("""
        import random
        def augment(tokens):
            for i in range(len(tokens)):
                if random.random() < 0.1:
                    tokens[i] = random.choice(tokens)
            return tokens
        """, "app/nlp.py"),
    # harmless senses of ambiguous words, and quantities
    "recipe_salt": ("""
        import random
        class Recipe:
            def __init__(self):
                self.salt = random.uniform(0.5, 2.0)
                self.salt_grams = round(random.uniform(1, 5), 1)
        """, "app/kitchen.py"),
    "salt_and_pepper_noise": ("""
        import random
        def salt_and_pepper_noise(pixels):
            for i in range(len(pixels)):
                salt = random.randint(0, 255)
                pixels[i] = salt
        """, "app/imaging.py"),
    "music_signatures": ("""
        import random
        def compose():
            time_signature = (random.randint(2, 7), 4)
            key_signature = random.randint(-7, 7)
            return time_signature, key_signature
        """, "app/music.py"),
    "language_model_tokens": ("""
        import random
        def sample(vocab, probs):
            next_token = random.choices(vocab, weights=probs, k=1)[0]
            start_token_id = random.randrange(len(vocab))
            return next_token, start_token_id
        """, "app/llm.py"),
    "token_bucket": ("""
        import random
        class TokenBucket:
            def __init__(self, rate):
                self.tokens = random.uniform(0, rate)
        """, "app/ratelimit.py"),
    "led_pin": ("""
        import random
        led_pin = random.randint(2, 13)
        """, "app/board.py"),
    "proof_of_work_nonce": ("""
        import random
        def mine_block(header, difficulty):
            nonce = random.getrandbits(32)
            return header, nonce
        """, "app/chain.py"),
    "sibling_classes_do_not_share_attributes": ("""
        import random
        class Protocol:
            pass
        class Client(Protocol):
            def start(self):
                self.data = "%x" % random.getrandbits(32)
        class Server(Protocol):
            def parse(self):
                self.api_key = self.data
        """, "app/proto.py"),
    "object_holds_only_named_fields": ("""
        import random
        def render(text):
            image = Image(size=(10, 10), color=random.randint(0, 255))
            return Captcha(image=image, font=random.choice(["a", "b"]))
        api_token = render("x")
        """, "app/util.py"),
    "drawing_primitives_in_a_captcha_module": ("""
        import random
        def _rand_rect(size):
            x0, y0 = random.randrange(size), random.randrange(size)
            return x0, y0, x0 + 5, y0 + 5
        """, "app/captcha.py"),
    "consumer_key_is_public": ("""
        import random
        consumer_key = "%x" % random.getrandbits(32)
        """, "app/oauth1.py"),
    "email_id_is_data": ("""
        import random
        email_id = random.randint(0, 10**6)
        sms_number = random.randint(0, 10**6)
        """, "app/notify.py"),
    "secure_draw_of_a_random_length": ("""
        import random, secrets
        token = secrets.token_hex(random.randint(16, 32))
        """, "app/util.py"),
    "copy_module_is_not_a_clipboard": ("""
        import copy, random
        def make_password():
            items = [random.random() for _ in range(3)]
            copy.copy(items)
        """, "app/util.py"),
    "another_objects_attribute": ("""
        import random
        def spoof(pkt):
            pkt.ttl = random.randint(32, 255)
            return pkt
        class Signature:
            def __str__(self):
                return "%d" % self.ttl
        """, "app/fingerprint.py"),
    "graphql_resolver_ids": ("""
        import random
        def resolve_create_post(obj, info, title):
            post_id = random.randint(1, 10**6)
            return {"id": post_id, "title": title}
        """, "app/graphql/resolvers.py"),
    "algebra_point_in_a_cas_folder": ("""
        import random
        def random_point():
            pt = (random.randint(0, 10), random.randint(0, 10))
            return pt
        """, "app/cas/geometry.py"),
    "evolutionary_computation_d": ("""
        import random
        def generate_candidate(bounds):
            d = random.randint(1, len(bounds))
            return bounds[:d]
        """, "app/ec/generators.py"),
    "curve_fitting_k": ("""
        import random
        def sign_change_curve(xs):
            k = random.randint(1, len(xs) - 1)
            return xs[:k]
        """, "app/ml/curve.py"),
    "proof_of_work_function": ("""
        import random
        def proof_of_work(header, target):
            nonce = random.getrandbits(32)
            return header, nonce
        """, "app/chain.py"),
    "board_pin_method": ("""
        import random
        class Board:
            def random_pin(self):
                return random.randint(2, 13)
        """, "app/hw.py"),
    "a_comparison_is_a_truth_value": ("""
        import random
        def add_noise(pixels, prob):
            for i in range(len(pixels)):
                salt = random.random() < prob / 2
                if salt:
                    pixels[i] = 255
        """, "app/imaging.py"),
    "sampling_a_vocabulary": ("""
        import random
        def sample(vocab, weights):
            token = random.choices(vocab, weights)[0]
            return token
        """, "app/lm.py"),
    "last_pass_is_an_iteration": ("""
        import random
        class Engine:
            def run(self):
                self.best_at_last_pass = random.random()
        """, "app/engine.py"),
    "method_of_a_local_instance_used_for_a_delay": ("""
        import random, time
        class Backoff:
            def __init__(self):
                self._v = random.uniform(0.1, 1.0)
            def get(self):
                return self._v
        def wait():
            b = Backoff()
            time.sleep(b.get())
        """, "app/retry.py"),
    # the other side of the new rules: a generator used only for harmless values
    "random_mark_on_a_board": ("""
        import random
        def captcha_grid(n):
            grid = [0] * n
            grid[random.randrange(n)] = 1
            return grid
        """, "app/util.py"),
    "helper_argument_only_logged": ("""
        import random
        def log_value(value):
            print(value)
        def roll():
            log_value(random.randint(1, 6))
        """, "app/dice.py"),
    "seed_without_secret": ("""
        import random
        random.seed(42)
        def shuffle_deck(deck):
            random.shuffle(deck)
        """, "app/cards.py"),
    "default_factory_for_a_name": ("""
        import random
        from dataclasses import dataclass, field
        @dataclass
        class Player:
            nickname: str = field(default_factory=lambda: "p%d" % random.randint(0, 99))
        """, "app/game.py"),
    # 16c. a module that draws people's details (an email, a phone number) is a fake-data generator
    "password_of_a_module_that_makes_up_people": ("""
        from random import choice, randint, sample
        def get_email(first_name):
            return first_name + "@" + choice(["mail", "post"]) + ".com"
        def get_phone_number():
            return "".join(str(randint(0, 9)) for _ in range(10))
        def random_password(length=8):
            chars = "".join(choice("abcdef") for _ in range(length))
            return "".join(sample(chars, len(chars)))
        """, "peoplegen/__init__.py"),
    # 9c. a `key` picked from a dict in a function that is not about ciphers stays a dict key
    "dict_key_outside_a_cipher": ("""
        import random
        def pick(table):
            key = random.choice(list(table))
            return table[key]
        """, "app/cache.py"),
    # 17b. a docstring that only mentions a secret the function takes, or an ambiguous word
    "docstring_mentions_a_secret_it_takes": ("""
        import random
        def connect(user, password):
            \"\"\"Identify the client using a plaintext password.\"\"\"
            tag = random.randint(4096, 65535)
            return tag
        """, "lib/client.py"),
    "docstring_of_a_captcha_sound": ("""
        import random
        def generate(chars):
            \"\"\"Generate audio CAPTCHA data.\"\"\"
            noise = bytearray(random.randint(0, 255) for _ in range(100))
            return noise
        """, "lib/sound.py"),
    "docstring_fake_secret": ("""
        import random
        def make():
            \"\"\"Return a fake password for the fixtures.\"\"\"
            return "".join(random.choice("abc") for _ in range(8))
        """, "lib/seed.py"),
    # 19b. a key or token parameter is what the returned data was enciphered with, not reshaped
    "helper_enciphers_with_its_key_parameter": ("""
        import random
        def to_bytes(payload, crypto_key):
            header = random.choice(("KTF", "SKT"))
            return encrypt(header + payload, crypto_key)
        """, "proto/packet.py"),
    "recase_of_a_plain_text": ("""
        import random
        def recase(s, chance):
            return "".join(c.upper() if random.random() < chance else c for c in s)
        def main(title):
            print(recase(title, 0.3))
        """, "tool/cli.py"),
    # 19c. a draw that picks between two different values only picks
    "draw_picks_between_a_password_and_none": ("""
        import random
        def follow(conn, referrals):
            chosen = random.choice(referrals)
            return connect(password=conn.password if not chosen["anonymous"] else None)
        """, "ldap/strategy.py"),
    "dict_key_picked_in_a_cipher_function": ("""
        import random
        def encrypt_all(items, cipher):
            out = {}
            for item in items:
                key = random.choice(list(item))
                out[key] = cipher.encrypt(item[key])
            return out
        """, "tool/core.py"),
    # 17c. a secret word that qualifies another noun, a game's secret, a negation
    "docstring_game_secret_and_measures": ("""
        import random
        def get_random_word(words):
            \"\"\"Return a random secret word from WORDS.\"\"\"
            return random.choice(words)
        def generate_number():
            \"\"\"Generate a secret number with unique digits.\"\"\"
            return random.sample("0123456789", 4)
        def estimate(n):
            \"\"\"Return the password strength estimate.\"\"\"
            return random.random() * n
        def hint():
            \"\"\"Get a random password hint.\"\"\"
            return random.choice(HINTS)
        def show():
            \"\"\"Make a string.

            :return: a word to show to the user, not a password.
            \"\"\"
            return random.choice(WORDS)
        """, "games/hangman.py"),
    # 4b. a class's own generator: another class's `self._rng` is not this one's
    "attribute_of_another_class": ("""
        import random
        class Safe:
            def __init__(self, rng=random.SystemRandom()):
                self._rng = rng
            def new_token(self):
                return "%x" % self._rng.getrandbits(64)
        class Sim:
            def __init__(self, rng=random.Random(42)):
                self._rng = rng
        """, "app/sim.py"),
    # 19d. hiding a password for display, or making a wrong one on purpose
    "password_masked_or_misspelt": ("""
        import random
        def mask(password):
            return password[:2] + "*" * random.randint(4, 8)
        def typo(s):
            return s + random.choice("abc")
        def simulate_typo(user_password):
            return typo(user_password)
        """, "app/show.py"),
    # 7b. picking between two items or fields of one thing is a pick
    "draw_picks_between_two_items": ("""
        import random
        def pick(keys, proxy):
            api_key = keys[0] if random.random() < 0.5 else keys[1]
            proxy_password = proxy.pw if random.randint(0, 1) else proxy.pw2
            return api_key, proxy_password
        """, "app/pick.py"),
}


@pytest.mark.parametrize("name", sorted(FLAGGED))
def test_flagged(name):
    src, path, lines = FLAGGED[name]
    assert flagged(src, path) == lines


@pytest.mark.parametrize("name", sorted(QUIET))
def test_quiet(name):
    src, path = QUIET[name]
    assert flagged(src, path) == []


def test_folders_above_the_package_are_not_context():
    """A checkout in `/home/me/mock-sip/` is neither fake-data code nor SIP code."""
    fake_parent = "import random\npassword = ''.join(random.choice('ab') for _ in range(12))\n"
    assert flagged(fake_parent, "/home/me/mock/src/app/core/accounts.py") == [2]
    sip_parent = "import random\ntag = random.getrandbits(32)\n"
    assert flagged(sip_parent, "/srv/sip/checkouts/app/blog/models.py") == []
    assert flagged(sip_parent, "app/sip/dialog.py") == [2]


def test_message_says_the_context_once():
    src = """
        import random
        class ResetCode:
            def make(self):
                self.value = random.randint(0, 999999)
        """
    [f] = find(textwrap.dedent(src).lstrip("\n"), path="app/models.py")
    assert f.message.count("'") == 2, f.message
