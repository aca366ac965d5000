# shape: randint(0, N) in an f-string with a zero-padded format spec
import random

otp = f"{random.randint(0, 999999):06d}"
print(len(otp), otp.isdigit())
