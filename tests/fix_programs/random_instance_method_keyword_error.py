# shape: error path: rng.getrandbits(k=64) on a random.Random instance raises TypeError (no keywords)
import random

rng = random.Random()
try:
    token = "%016x" % rng.getrandbits(k=64)
    print("returned", len(token))
except TypeError as exc:
    print("raised", type(exc).__name__)
