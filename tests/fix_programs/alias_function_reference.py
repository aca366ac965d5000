# shape: a function reference `pick = random.choice`, then pick(...) makes a password
import random

pick = random.choice
password = "".join(pick("abcdef") for _ in range(8))
print(len(password))
