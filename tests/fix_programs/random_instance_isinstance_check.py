# shape: seeded generator whose class is inspected after it makes a token
import random

rng = random.Random(99)
token = "%016x" % rng.getrandbits(64)
print(len(token), isinstance(rng, random.Random))
