# shape: multi-line randint fold followed by a multi-name import statement that loses one name
import random

pin = random.randint(
    1000,
    9999,
)
from random import choice, shuffle
deck = [1, 2, 3]
shuffle(deck)
password = "".join(choice("abcdef") for _ in range(10))
print(1000 <= pin <= 9999, sorted(deck), len(password))
