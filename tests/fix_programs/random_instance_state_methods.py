# shape: seeded `rng = random.Random(1234)` whose getstate()/setstate() are used
import random

rng = random.Random(1234)
state = rng.getstate()
token = "".join(rng.choice("abcdef") for _ in range(12))
rng.setstate(state)
again = "".join(rng.choice("abcdef") for _ in range(12))
print(len(token), token == again)
