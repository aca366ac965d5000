# shape: flagged call as the iterable of map(str, ...) inside a join
import random

otp = "".join(map(str, random.choices(range(10), k=6)))
print(len(otp), otp.isdigit())
