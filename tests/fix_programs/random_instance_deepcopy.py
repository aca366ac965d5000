# shape: a seeded random.Random copied with copy.deepcopy (which needs its state) before making a token
import copy
import random

rng = random.Random(1234)
fork = copy.deepcopy(rng)
token = "%016x" % rng.getrandbits(64)
print(len(token), type(fork).__name__ == type(rng).__name__)
