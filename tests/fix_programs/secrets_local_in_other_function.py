# shape: a local variable `secrets` in an unrelated function
import random


def load():
    secrets = {"db": "pw"}
    return sorted(secrets)


password = "".join(random.choice("abcdef") for _ in range(8))
print(load(), len(password))
