# shape: random.getrandbits() of an object with __index__ (accepted by the C function)
import random


class Bits:
    def __index__(self):
        return 64


try:
    token = random.getrandbits(Bits())
    print("returned", type(token).__name__, 0 <= token < 2**64)
except TypeError as exc:
    print("raised", type(exc).__name__)
