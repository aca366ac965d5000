# shape: the generator passed to a helper that calls getstate() on its parameter
import random


def snapshot(gen):
    return gen.getstate()


rng = random.Random(1234)
state = snapshot(rng)
token = "%016x" % rng.getrandbits(64)
print(len(token), type(state).__name__)
