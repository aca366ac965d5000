# shape: `random.Random(x=42)` with the seed as a keyword
import random

rng = random.Random(x=42)
api_key = "".join(rng.choice("0123456789abcdef") for _ in range(32))
print(len(api_key))
