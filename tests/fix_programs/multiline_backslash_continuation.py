# shape: flagged call on a backslash-continued line
import random

token = "tok-" + \
    "%016x" % random.getrandbits(64)
print(len(token), token[:4])
