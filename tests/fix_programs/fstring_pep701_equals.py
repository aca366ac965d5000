# requires: python>=3.12
# shape: PEP 701 f-string `=` field reusing the f-string's own quotes: f"{random.choice("ab")=}"
import random
import re

password_hint = f"{random.choice("ab")=}"
print(re.sub(r"'[ab]'", "'?'", password_hint))
