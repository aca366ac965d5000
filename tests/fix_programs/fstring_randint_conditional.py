# shape: folded randint in a conditional expression inside an f-string field, with a format spec
import random

strong = True
otp = f"{random.randint(100000, 999999) if strong else 0:>8}"
print(len(otp), otp[:2], otp.strip().isdigit())
