# shape: randint called with keyword arguments a= and b=
import random

otp = random.randint(a=100000, b=999999)
print(100000 <= otp <= 999999)
