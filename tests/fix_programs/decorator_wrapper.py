# shape: flagged call inside the wrapper function of a decorator
import functools
import random


def with_nonce(func):
    @functools.wraps(func)
    def wrapper(*args):
        nonce = random.getrandbits(32)
        return func(nonce, *args)
    return wrapper


@with_nonce
def handler(nonce, name):
    return name, 0 <= nonce < 2**32


print(handler("ann"), handler.__name__)
