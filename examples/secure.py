"""The same secrets as insecure_tokens.py, made with `secrets`: nothing to report."""
import secrets
import string


def new_password(length=16):
    alphabet = string.ascii_letters + string.digits + string.punctuation
    return "".join(secrets.choice(alphabet) for _ in range(length))


def send_login_code(user, sms):
    otp = secrets.randbelow(900000) + 100000
    sms.send(user.phone, f"Your code is {otp}")
    return otp


class ApiClient:
    def __init__(self):
        self.api_key = secrets.token_hex(16)


def new_session_id():
    return secrets.token_urlsafe(24)
