# shape: random.choices with **kwargs
import random

OPTIONS = {"k": 12}
token = "".join(random.choices("0123456789abcdef", **OPTIONS))
print(len(token))
