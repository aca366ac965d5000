# shape: a module-level dict named `secrets`
import random

secrets = {"db": "hunter2"}
password = "".join(random.choice("abcdef") for _ in range(8))
print(sorted(secrets), len(password))
