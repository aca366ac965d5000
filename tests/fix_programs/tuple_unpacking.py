# shape: flagged calls in a tuple on the right of an unpacking assignment
import random

token_a, token_b = random.getrandbits(8), random.randrange(256)
print(0 <= token_a < 256, 0 <= token_b < 256)
