# shape: `import secrets` further down the file, after the flagged call has run
import random

token = "%016x" % random.getrandbits(64)
print(len(token))

import secrets

print(len(secrets.token_hex(4)))
