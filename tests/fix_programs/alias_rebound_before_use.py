# shape: `pick = random.choice` rebound to a deterministic stub before the call that makes the password
import random

pick = random.choice
DETERMINISTIC = True
if DETERMINISTIC:
    pick = lambda seq: seq[0]
password = "".join(pick("abc") for _ in range(8))
print(password)
