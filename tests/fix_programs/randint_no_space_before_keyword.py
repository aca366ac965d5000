# shape: folded randint directly followed by a keyword with no space: [random.randint(1000, 9999)for ...]
import random

pins = [random.randint(1000, 9999)for _ in range(3)]
print(len(pins), all(1000 <= p <= 9999 for p in pins))
