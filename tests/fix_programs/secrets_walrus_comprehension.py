# shape: the name `secrets` bound by a walrus in a comprehension at module level
import random

values = [(secrets := n) for n in range(3)]
token = "%016x" % random.getrandbits(64)
print(values, secrets, len(token))
