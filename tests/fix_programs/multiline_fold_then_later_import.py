# shape: multi-line randint folded before a later import that the fixer edits
import random

otp = random.randint(
    100000,
    999999,
)
import string
from random import choice as pick
print("otp", 100000 <= otp <= 999999)
password = "".join(pick(string.ascii_letters) for _ in range(12))
print("password", len(password))
