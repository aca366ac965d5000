# shape: error path: random.randrange(0) raises ValueError (literal argument)
import random

try:
    nonce = random.randrange(0)
    print("returned", nonce)
except ValueError as exc:
    print("raised", type(exc).__name__)
