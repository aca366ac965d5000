# shape: flagged call inside an f-string nested inside another f-string
import random

token = f"{f'{random.getrandbits(16):04x}'}-x"
print(len(token), token[-2:])
