# shape: method chain on random.choice(...).upper() inside a concatenation
import random

WORDS = ["alpha", "bravo", "charlie", "delta"]
password = random.choice(WORDS).upper() + "-" + random.choice(WORDS).title()
left, right = password.split("-")
print(left.isupper(), right.istitle(), left.lower() in WORDS, right.lower() in WORDS)
