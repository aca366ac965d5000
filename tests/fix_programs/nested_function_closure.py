# shape: flagged call inside a nested function (closure)
import random


def token_factory(length):
    alphabet = "abcdefghijklmnopqrstuvwxyz"

    def make_token():
        return "".join(random.choice(alphabet) for _ in range(length))

    return make_token


make = token_factory(20)
print(len(make()), make().isalpha())
