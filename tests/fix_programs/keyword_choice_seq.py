# shape: random.choice(seq=...) with a keyword argument
import random

password = "".join(random.choice(seq="abcdef") for _ in range(8))
print(len(password), set(password) <= set("abcdef"))
