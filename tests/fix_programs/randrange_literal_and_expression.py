# shape: randrange with a plain literal, a power expression and three literals
import random

nonce = random.randrange(2**32)
otp = random.randrange(1000000)
pin = random.randrange(1000, 10000, 5)
print(0 <= nonce < 2**32, 0 <= otp < 1000000, 1000 <= pin < 10000, pin % 5)
