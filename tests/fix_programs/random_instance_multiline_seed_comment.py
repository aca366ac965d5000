# shape: random.Random( with a comment before its seed ) spanning lines
import random

rng = random.Random(  # seeded for reproducible tests
    42
)
reset_token = "%016x" % rng.getrandbits(64)
print(len(reset_token))
