# shape: module-level unseeded `rng = random.Random()` used for a token
import random

rng = random.Random()
token = "%032x" % rng.getrandbits(128)
print(len(token))
