# shape: random.shuffle on a list that becomes a password
import random

chars = list("abcdefgh12345678")
random.shuffle(chars)
password = "".join(chars)
print(len(password), sorted(password) == sorted("abcdefgh12345678"))
