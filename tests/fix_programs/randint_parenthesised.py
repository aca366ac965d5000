# shape: folded randint already inside parentheses, and inside double parentheses in a call
import random

otp = (random.randint(100000, 999999))
pin_text = str((random.randint(1000, 9999)))
print(100000 <= otp <= 999999, len(pin_text))
