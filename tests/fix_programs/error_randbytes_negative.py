# shape: error path: random.randbytes(-1) raises ValueError
import random

try:
    salt = random.randbytes(-1)
    print("returned", len(salt))
except ValueError as exc:
    print("raised", type(exc).__name__)
