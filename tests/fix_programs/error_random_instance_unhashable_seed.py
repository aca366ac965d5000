# shape: error path: random.Random([...]) with a list seed raises TypeError
import random

try:
    rng = random.Random(["not", "a", "seed"])
    api_key = "%016x" % rng.getrandbits(64)
    print("returned", len(api_key))
except TypeError as exc:
    print("raised", type(exc).__name__)
