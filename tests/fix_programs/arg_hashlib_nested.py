# shape: flagged call deep inside argument lists: sha256(str(random.random()).encode()).hexdigest()
import hashlib
import random

token = hashlib.sha256(str(random.random()).encode()).hexdigest()
print(len(token), all(c in "0123456789abcdef" for c in token))
