# shape: folded randint inside an assignment expression (walrus) in an if test
import random

if (otp := random.randint(100000, 999999)) >= 100000:
    print("six digits", len(str(otp)))
