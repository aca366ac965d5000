# shape: `__all__` re-exports a name imported from random
from random import choice

__all__ = ["choice", "make_password"]


def make_password():
    return "".join(choice("abcdefgh") for _ in range(12))


print(len(make_password()), [name for name in __all__ if name not in globals()])
