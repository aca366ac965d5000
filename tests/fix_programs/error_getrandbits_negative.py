# shape: error path: random.getrandbits(-1) raises ValueError
import random

try:
    token = random.getrandbits(-1)
    print("returned", token)
except ValueError as exc:
    print("raised", type(exc).__name__)
