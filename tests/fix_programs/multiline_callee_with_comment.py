# shape: the callee itself spans lines, with a comment between `random` and `.choice`
import random

ALPHABET = "abcdef"
password = "".join(
    random  # the module
    .choice(ALPHABET)
    for _ in range(8)
)
print(len(password))
