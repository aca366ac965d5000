# shape: error path: random.getrandbits(2**64) raises OverflowError (a C int), nothing is allocated
import random

try:
    token = "%x" % random.getrandbits(2**64)
    print("returned", len(token))
except (OverflowError, MemoryError) as exc:
    print("raised", type(exc).__name__)
