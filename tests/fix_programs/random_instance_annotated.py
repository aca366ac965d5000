# shape: `rng: random.Random = random.Random(42)` with the annotation naming random.Random
import random

rng: random.Random = random.Random(42)
token = "%016x" % rng.getrandbits(64)
print(len(token), isinstance(rng, random.Random))
