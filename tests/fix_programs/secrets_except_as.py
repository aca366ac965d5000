# shape: `except KeyError as secrets:` at module level (the name is deleted after the handler)
import random

try:
    {}["missing"]
except KeyError as secrets:
    print("handled", type(secrets).__name__)

token = "%016x" % random.getrandbits(64)
print(len(token))
