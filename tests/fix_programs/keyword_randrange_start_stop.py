# shape: random.randrange(start=..., stop=...) with keyword arguments
import random

nonce = random.randrange(start=10, stop=20)
print(10 <= nonce < 20)
