# shape: a bound method of a module-level random.Random(): choice = rng.choice
import random

rng = random.Random()
choice = rng.choice
password = "".join(choice("abcdef") for _ in range(8))
print(len(password))
