# shape: getstate() called through a second name bound to the same generator
import random

rng = random.Random(1234)
replay = rng
state = replay.getstate()
token = "%016x" % rng.getrandbits(64)
print(len(token), type(state).__name__)
