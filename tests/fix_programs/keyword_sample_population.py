# shape: random.sample with all-keyword arguments population= and k=
import random

token = "".join(random.sample(population="abcdefghijklmnop", k=10))
print(len(token), len(set(token)))
