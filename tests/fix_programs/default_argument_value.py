# shape: flagged call as a function parameter default value
import random


def issue(user, nonce=random.getrandbits(32)):
    return user, nonce


user, nonce = issue("ann")
print(user, 0 <= nonce < 2**32, issue("bob")[1] == nonce)
