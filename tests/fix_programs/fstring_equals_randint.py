# shape: f-string `=` specifier around a folded randint: f"{random.randint(1000, 9999)=}"
import random
import re

otp_debug = f"{random.randint(1000, 9999)=}"
print(re.sub(r"[0-9]", "D", otp_debug))
