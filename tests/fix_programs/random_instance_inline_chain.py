# shape: `random.Random().getrandbits(64)` called inline on a fresh instance
import random

token = "%016x" % random.Random().getrandbits(64)
print(len(token))
