# shape: parenthesised flagged call with a chain: (random.getrandbits(64)).to_bytes(8, "little")
import random

session_id = (random.getrandbits(64)).to_bytes(8, "little").hex()
print(len(session_id))
