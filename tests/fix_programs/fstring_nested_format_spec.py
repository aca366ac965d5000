# shape: flagged call in an f-string whose format spec is itself a replacement field
import random

width = 12
token = f"{random.getrandbits(32):0{width}x}"
print(len(token), token[:4])
