# shape: error path: random.sample(alphabet, 100) raises ValueError
import random

try:
    token = "".join(random.sample("abc", 100))
    print("returned", len(token))
except ValueError as exc:
    print("raised", type(exc).__name__)
