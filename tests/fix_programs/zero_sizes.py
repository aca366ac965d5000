# shape: zero-size requests: random.getrandbits(0), random.randbytes(0), random.choices(s, k=0)
import random

token = random.getrandbits(0)
salt = random.randbytes(0)
password = "".join(random.choices("abc", k=0))
print(repr(token), repr(salt), repr(password))
