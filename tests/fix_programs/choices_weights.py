# shape: random.choices with weights= and k= keywords
import random

token = "".join(random.choices("ab", weights=[1, 0], k=10))
print(token)
