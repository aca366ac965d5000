# shape: method chain with arguments on random.getrandbits(128).to_bytes(16, "big")
import random

api_key = random.getrandbits(128).to_bytes(16, "big").hex()
print(type(api_key).__name__, len(api_key))
