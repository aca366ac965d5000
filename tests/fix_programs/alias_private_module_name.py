# shape: `import random as _random` with the alias also used for a benign dice roll
import random as _random

dice = _random.randint(1, 6)
token = "%016x" % _random.getrandbits(64)
print(1 <= dice <= 6, len(token))
