# shape: random.random() and random.uniform() hashed into a token and a salt
import hashlib
import random

token = hashlib.sha1(repr(random.random()).encode()).hexdigest()
salt = hashlib.md5(str(random.uniform(0, 1)).encode()).digest()
print(len(token), len(salt))
