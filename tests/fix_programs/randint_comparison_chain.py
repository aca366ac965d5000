# shape: folded randint inside a chained comparison and a boolean operation
import random

otp = random.randint(100000, 999999)
otp_in_range = 100000 <= otp <= 999999 and random.randint(1, 6) < 7
print(otp_in_range)
