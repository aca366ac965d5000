# shape: `import random` inside a top-level if statement
import sys

if sys.version_info >= (3,):
    import random

password = "".join(random.choice("abcdef") for _ in range(8))
print(len(password))
