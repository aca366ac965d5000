# shape: `random.seed()` at module level (RND103, not fixed) before a token call
import random

random.seed()
token = "%016x" % random.getrandbits(64)
print(len(token))
