# shape: error path, uncaught: random.getrandbits(k=64) at module level ends the program
import random

print("start")
api_key = "%x" % random.getrandbits(k=64)
print("unreachable", len(api_key))
