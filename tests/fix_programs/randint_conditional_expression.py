# shape: folded randint in both branches of a conditional expression
import random

strong = True
pin = random.randint(1000, 9999) if strong else random.randint(10, 99)
print(1000 <= pin <= 9999)
