# shape: README example: module-level `_rng = random.Random(42)` used for a password
import random

_rng = random.Random(42)
password = "".join(_rng.choice("abcdefgh") for _ in range(10))
print(len(password))
