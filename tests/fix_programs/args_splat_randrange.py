# shape: random.randrange with *args
import random

RANGE = (1000, 10000, 2)
otp = random.randrange(*RANGE)
print(1000 <= otp < 10000, otp % 2)
