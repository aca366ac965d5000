# shape: a doctest in a docstring uses `random`, the only other use of the module
import doctest
import random


def make_token():
    """
    >>> isinstance(random.random(), float)
    True
    """
    return "%016x" % random.getrandbits(64)


print(len(make_token()), doctest.testmod())
