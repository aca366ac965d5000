# shape: a class named `secrets` defined after the flagged call
import random

token = "%016x" % random.getrandbits(64)


class secrets:
    pass


print(len(token), secrets.__name__)
