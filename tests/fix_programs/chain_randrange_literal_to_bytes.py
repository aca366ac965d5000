# shape: method chain on randrange with a literal: random.randrange(256).to_bytes(1, "big")
import random

nonce = random.randrange(256).to_bytes(1, "big") + random.randrange(65536).to_bytes(2, "big")
print(type(nonce).__name__, len(nonce))
