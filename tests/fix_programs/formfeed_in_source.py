# shape: form feed characters between sections and at the start of a line before the call
import random


def make_token():
    return "%016x" % random.getrandbits(64)

print(len(make_token()))
