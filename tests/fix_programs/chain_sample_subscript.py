# shape: subscript on the flagged call: random.sample(alphabet, 12)[:8]
import random

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
token = "".join(random.sample(ALPHABET, 12)[:8])
print(len(token), len(set(token)), set(token) <= set(ALPHABET))
