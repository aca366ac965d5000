# shape: `for secrets in ...:` at module level rebinds the name before the flagged call
import random

for secrets in [("a", 1)]:
    pass

password = "".join(random.choice("abcdef") for _ in range(8))
print(secrets, len(password))
