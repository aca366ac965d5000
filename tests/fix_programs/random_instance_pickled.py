# shape: a seeded random.Random saved with pickle (which needs its state) after making a token
import pickle
import random

rng = random.Random(1234)
token = "%016x" % rng.getrandbits(64)
saved = pickle.loads(pickle.dumps(rng))
print(len(token), type(saved).__name__ == type(rng).__name__)
