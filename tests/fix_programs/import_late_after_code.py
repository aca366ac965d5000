# shape: docstring, a constant, then `import random` after the first statement
"""Password helpers."""
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
import random

password = "".join(random.choice(ALPHABET) for _ in range(12))
print(len(password))
