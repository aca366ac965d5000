# shape: folded randint as a sequence index and a repetition count
import random

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
password = ALPHABET[random.randint(1, 25)] + "x" * random.randint(3, 5)
print(password[0] in ALPHABET[1:], 3 <= password.count("x") <= 6, 4 <= len(password) <= 6)
