# shape: seeded `rng = random.Random(7)` re-seeded with rng.seed() to replay the same tokens
import random

rng = random.Random(7)


def make_tokens():
    rng.seed(7)
    return ["%08x" % rng.getrandbits(32) for _ in range(3)]


first_tokens = make_tokens()
print(len(first_tokens), first_tokens == make_tokens())
