# shape: single-quoted f-string containing double-quoted arguments and a join
import random

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
password = f'{random.choice("ABC")}{"-".join(random.sample(ALPHABET, 4))}'
print(len(password), password[0] in "ABC", password.count("-"))
