# shape: `del random` at the end of the module
import random

token = "%016x" % random.getrandbits(64)
del random
print(len(token), "random" in globals())
