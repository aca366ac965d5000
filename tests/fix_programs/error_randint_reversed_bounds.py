# shape: error path: random.randint(9999, 1000) (low > high) raises ValueError
import random

try:
    pin = random.randint(9999, 1000)
    print("returned", pin)
except ValueError as exc:
    print("raised", type(exc).__name__)
