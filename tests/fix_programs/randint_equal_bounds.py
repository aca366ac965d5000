# shape: randint with equal bounds and randint(0, 0): a single possible value
import random

pin = random.randint(7, 7)
otp = random.randint(0, 0)
print(pin, otp)
