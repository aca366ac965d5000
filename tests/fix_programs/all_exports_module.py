# shape: `__all__` re-exports the random module itself
import random

__all__ = ["random", "new_token"]


def new_token():
    return "%016x" % random.getrandbits(64)


print(len(new_token()), [name for name in __all__ if name not in globals()])
