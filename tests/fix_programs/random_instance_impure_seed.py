# shape: `random.Random(next(counter))`: a seed argument with a side effect
import itertools
import random

counter = itertools.count(100)
rng = random.Random(next(counter))
session_id = "%016x" % rng.getrandbits(64)
print(len(session_id), next(counter))
