# shape: random.randbytes(n=16) with a keyword argument
import random

salt = random.randbytes(n=16)
print(type(salt).__name__, len(salt))
