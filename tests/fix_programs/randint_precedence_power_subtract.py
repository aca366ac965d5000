# shape: folded randint as both operands of ** and as the right operand of -
import random

otp = random.randint(2, 3) ** 2
reset_pin = 10 - random.randint(1, 9)
otp_shift = 2 ** random.randint(2, 3)
print(otp in (4, 9), 1 <= reset_pin <= 9, otp_shift in (4, 8))
