# shape: flagged call inside the body of a with statement
import contextlib
import random

with contextlib.suppress(KeyError):
    token = "%016x" % random.getrandbits(64)
    print(len(token))
