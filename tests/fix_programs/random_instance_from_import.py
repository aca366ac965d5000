# shape: `from random import Random` and a module-level Random() instance
from random import Random

rng = Random()
password = "".join(rng.choice("abcdefgh") for _ in range(10))
print(len(password), type(rng).__name__ in ("Random", "SystemRandom"))
