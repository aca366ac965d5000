# shape: multi-line random.sample call with a comment after each argument
import random

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
password = "".join(
    random.sample(
        ALPHABET,  # the characters
        12,  # how many
    )
)
print(len(password), len(set(password)))
