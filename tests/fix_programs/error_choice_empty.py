# shape: error path: random.choice([]) raises IndexError
import random

try:
    password = "".join(random.choice([]) for _ in range(8))
    print("returned", len(password))
except IndexError as exc:
    print("raised", type(exc).__name__)
