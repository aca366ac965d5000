# shape: `import secrets` already at the top and used elsewhere
import random
import secrets

csrf_token = secrets.token_hex(16)
password = "".join(random.choice("abcdef") for _ in range(8))
print(len(csrf_token), len(password))
