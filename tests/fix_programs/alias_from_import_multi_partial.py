# shape: `from random import choice, randint, shuffle` where shuffle stays in benign use
from random import choice, randint, shuffle

deck = list(range(5))
shuffle(deck)
password = "".join(choice("abcdef") for _ in range(8))
pin = randint(1000, 9999)
print(sorted(deck), len(password), 1000 <= pin <= 9999)
