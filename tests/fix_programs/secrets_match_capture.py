# requires: python>=3.10
# shape: a match statement capture pattern binding the name `secrets`
import random

match {"db": "pw"}:
    case secrets:
        print("captured", sorted(secrets))

token = "%016x" % random.getrandbits(64)
print(len(token))
