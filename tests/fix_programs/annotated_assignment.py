# shape: flagged call on the right of an annotated assignment
import random

token: str = "%016x" % random.getrandbits(64)
pin: int = random.randint(1000, 9999)
print(len(token), 1000 <= pin <= 9999)
