# shape: `import secrets as s` already present
import random
import secrets as s

api_key = s.token_hex(16)
token = "%016x" % random.getrandbits(64)
print(len(api_key), len(token))
