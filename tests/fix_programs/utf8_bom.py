# shape: a UTF-8 file that starts with a byte order mark
import random

token = "%016x" % random.getrandbits(64)
print(len(token))
