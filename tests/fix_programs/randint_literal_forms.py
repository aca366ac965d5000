# shape: int literals in hex, octal, binary and with underscores: randint(0x10, 1_000), randrange(0o777)
import random

pin = random.randint(0x10, 1_000)
nonce = random.randrange(0o777)
otp = random.randint(0b1, 0b11)
print(16 <= pin <= 1000, 0 <= nonce < 511, 1 <= otp <= 3)
