# shape: flagged call returned by a function named for a secret
import random


def make_session_id():
    return random.getrandbits(64)


sid = make_session_id()
print(type(sid).__name__, 0 <= sid < 2**64)
