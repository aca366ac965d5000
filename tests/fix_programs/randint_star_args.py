# shape: randint called with *args
import random

BOUNDS = (1000, 9999)
pin = random.randint(*BOUNDS)
print(1000 <= pin <= 9999)
