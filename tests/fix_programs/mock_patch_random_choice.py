# shape: the same module patches random.choice with a deterministic stub (unittest.mock) around the call
import random
from unittest import mock


def make_password():
    return "".join(random.choice("abc") for _ in range(8))


with mock.patch.object(random, "choice", lambda seq: seq[0]):
    print(make_password())
