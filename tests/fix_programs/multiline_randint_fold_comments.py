# shape: multi-line randint with literal bounds and comments between the arguments
import random

otp = random.randint(
    100000,  # smallest six-digit code
    999999,  # largest six-digit code
)
print(100000 <= otp <= 999999)
