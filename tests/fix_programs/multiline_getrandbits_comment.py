# shape: multi-line random.getrandbits call with a comment on the argument line
import random

api_key = "%032x" % random.getrandbits(
    128  # bits of key material
)
print(len(api_key))
