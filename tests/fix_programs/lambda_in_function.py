# shape: flagged call in the body of a lambda defined inside a function named for a secret
import random


def make_token(length=16):
    draw = lambda: random.choice("abcdef0123456789")
    return "".join(draw() for _ in range(length))


print(len(make_token()), len(make_token(8)))
