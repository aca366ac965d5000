# shape: method chain on the flagged call: random.randbytes(16).hex()
import random

token = random.randbytes(16).hex()
print(type(token).__name__, len(token), all(c in "0123456789abcdef" for c in token))
