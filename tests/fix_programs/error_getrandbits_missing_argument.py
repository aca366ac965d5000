# shape: error path: random.getrandbits() without its argument raises TypeError
import random

try:
    token = "%x" % random.getrandbits()
    print("returned", token)
except TypeError as exc:
    print("raised", type(exc).__name__)
