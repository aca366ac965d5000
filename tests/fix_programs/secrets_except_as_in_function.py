# shape: `except ... as secrets:` in the same function as the flagged call
import random


def make_token():
    try:
        int("x")
    except ValueError as secrets:
        kind = type(secrets).__name__
    return kind, "%016x" % random.getrandbits(64)


kind, token = make_token()
print(kind, len(token))
