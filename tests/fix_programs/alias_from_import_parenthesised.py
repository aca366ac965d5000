# shape: multi-line parenthesised `from random import (...)` with comments
from random import (
    choice,  # for passwords
    getrandbits,  # for tokens
)

password = "".join(choice("abcdef") for _ in range(8))
token = "%x" % getrandbits(32)
print(len(password), len(token) <= 8)
