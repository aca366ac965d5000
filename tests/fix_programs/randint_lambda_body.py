# shape: folded randint as the body of a lambda
import random

make_pin = lambda: random.randint(1000, 9999)
pins = [make_pin() for _ in range(5)]
print(all(1000 <= pin <= 9999 for pin in pins), len(pins))
