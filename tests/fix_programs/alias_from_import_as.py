# shape: README example: `from random import choice as pick`
from random import choice as pick

alphabet = "abcdefghijklmnopqrstuvwxyz"
password = "".join(pick(alphabet) for _ in range(16))
print(len(password), password.isalpha())
