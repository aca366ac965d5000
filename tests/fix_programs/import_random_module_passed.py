# shape: the random module object itself passed to a function after the fix
import random


def describe(module):
    return module.__name__


token = "%016x" % random.getrandbits(64)
print(describe(random), len(token))
