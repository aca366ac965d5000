# shape: flagged call in an assignment expression in a while condition
import random

tries = 0
while (nonce := random.getrandbits(32)) < 0:
    tries += 1
print(tries, 0 <= nonce < 2**32)
