# shape: error path: random.Random(seed=42) raises TypeError (the parameter is called x)
import random

try:
    rng = random.Random(seed=42)
    token = "%016x" % rng.getrandbits(64)
    print("returned", len(token))
except TypeError as exc:
    print("raised", type(exc).__name__)
