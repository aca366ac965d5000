# shape: flagged call in a function that publishes the token through a `global` statement
import random

TOKEN_STORE = None


def refresh():
    global TOKEN_STORE
    api_token = "%016x" % random.getrandbits(64)
    TOKEN_STORE = api_token


refresh()
print(len(TOKEN_STORE))
