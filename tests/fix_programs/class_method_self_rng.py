# shape: random.Random() stored on self in __init__ and used by a method that makes a token
import random


class TokenIssuer:
    def __init__(self):
        self._rng = random.Random()

    def new_token(self):
        return "%016x" % self._rng.getrandbits(64)


issuer = TokenIssuer()
print(len(issuer.new_token()), type(issuer._rng).__name__ in ("Random", "SystemRandom"))
