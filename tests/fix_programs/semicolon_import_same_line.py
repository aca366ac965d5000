# shape: `import random; token = ...` on one line
import random; token = "%x" % random.getrandbits(64)
print(type(token).__name__, len(token) <= 16)
