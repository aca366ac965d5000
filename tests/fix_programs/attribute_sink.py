# shape: flagged call assigned to an attribute named for a secret
import random


class User:
    pass


user = User()
user.reset_token = "%024x" % random.getrandbits(96)
print(len(user.reset_token))
