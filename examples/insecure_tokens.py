"""Secrets made with `random`: every marked call is predictable. `secure-random check` flags them."""
import base64
import random
import string


def new_password(length=16):
    alphabet = string.ascii_letters + string.digits + string.punctuation
    return "".join(random.choice(alphabet) for _ in range(length))  # RND101


def send_login_code(user, sms):
    otp = random.randint(100000, 999999)  # RND101
    sms.send(user.phone, f"Your code is {otp}")
    return otp


def _random_hex(bits):
    return "%x" % random.getrandbits(bits)  # RND101: the helper is used for an API key below


class ApiClient:
    def __init__(self):
        self.api_key = _random_hex(128)


_rng = random.Random()  # RND102: this generator makes session ids


def new_session_id():
    return base64.urlsafe_b64encode(bytes(_rng.getrandbits(8) for _ in range(24))).decode()
