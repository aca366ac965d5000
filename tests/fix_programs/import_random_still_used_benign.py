# shape: `import random` still needed by a benign call after the secret is fixed
import random

dice = random.randint(1, 6)
jitter = random.uniform(0.5, 1.5)
token = "%016x" % random.getrandbits(64)
print(1 <= dice <= 6, 0.5 <= jitter <= 1.5, len(token))
