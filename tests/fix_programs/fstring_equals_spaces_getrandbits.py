# shape: f-string `=` specifier with spaces and a format spec: f"{ random.getrandbits(8) = :03d}"
import random
import re

token_text = f"{ random.getrandbits(8) = :03d}"
print(re.sub(r"[0-9]", "D", token_text))
