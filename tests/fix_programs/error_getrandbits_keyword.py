# shape: error path: random.getrandbits(k=128) raises TypeError (the C function takes no keywords)
import random

try:
    token = random.getrandbits(k=128)
    print("returned", type(token).__name__)
except TypeError as exc:
    print("raised", type(exc).__name__)
