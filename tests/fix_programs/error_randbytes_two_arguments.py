# shape: error path: random.randbytes(16, 1) (too many arguments) raises TypeError
import random

try:
    salt = random.randbytes(16, 1)
    print("returned", len(salt))
except TypeError as exc:
    print("raised", type(exc).__name__)
