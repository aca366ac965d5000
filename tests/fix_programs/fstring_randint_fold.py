# shape: randint with literal bounds directly in an f-string field
import random

otp = f"{random.randint(100000, 999999)}"
print(len(otp), otp.isdigit(), 100000 <= int(otp) <= 999999)
