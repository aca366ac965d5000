# shape: method chain on a folded randint: random.randint(1000, 9999).to_bytes(2, "big")
import random

reset_code = random.randint(1000, 9999).to_bytes(2, "big")
value = int.from_bytes(reset_code, "big")
print(type(reset_code).__name__, len(reset_code), 1000 <= value <= 9999)
