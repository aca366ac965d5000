# shape: `import random as r` and calls through the alias
import random as r

password = "".join(r.choice("abcdefgh") for _ in range(10))
nonce = r.getrandbits(64)
print(len(password), 0 <= nonce < 2**64)
