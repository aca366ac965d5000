# shape: f-string `=` specifier around random.choice: f"{random.choice(ALPHABET)=}"
import random
import re

ALPHABET = "abcdef"
password_hint = f"{random.choice(ALPHABET)=}"
print(re.sub(r"'[a-f]'", "'?'", password_hint))
