# shape: `from secrets import token_hex` (the name secrets itself is unbound)
import random
from secrets import token_hex

api_key = token_hex(16)
password = "".join(random.choice("abcdef") for _ in range(8))
print(len(api_key), len(password))
