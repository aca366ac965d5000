# shape: flagged call in an f-string with a format spec: f"tok_{random.getrandbits(64):016x}"
import random

token = f"tok_{random.getrandbits(64):016x}"
print(token[:4], len(token))
