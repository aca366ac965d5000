# requires: python>=3.12
# shape: a PEP 695 `type secrets = ...` statement binds the name `secrets` at module level
import random

type secrets = dict[str, str]
token = "%016x" % random.getrandbits(64)
print(len(token), secrets.__name__)
