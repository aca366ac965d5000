# shape: `from random import *`
from random import *

password = "".join(choice("abcdef") for _ in range(8))
token = "%016x" % getrandbits(64)
print(len(password), len(token))
