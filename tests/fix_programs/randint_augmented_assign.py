# shape: folded randint on the right of augmented assignments (+= and *=)
import random

otp = 0
for _ in range(3):
    otp *= 10
    otp += random.randint(0, 9)
pin = 1
pin *= random.randint(2, 3)
print(0 <= otp <= 999, pin in (2, 3))
