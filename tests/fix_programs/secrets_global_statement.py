# shape: a function rebinds the module-level name `secrets` through `global secrets`
import random


def load_config():
    global secrets
    secrets = {"api": "x"}


load_config()
password = "".join(random.choice("abcdef") for _ in range(8))
print(sorted(secrets), len(password))
