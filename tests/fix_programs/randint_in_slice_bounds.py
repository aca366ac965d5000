# shape: folded randint as slice bounds: ALPHABET[random.randint(1, 3):random.randint(10, 12)]
import random

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
token = ALPHABET[random.randint(1, 3):random.randint(10, 12)]
print(7 <= len(token) <= 11, token[0] in "bcd")
