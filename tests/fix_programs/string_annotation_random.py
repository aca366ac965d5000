# shape: a string annotation "random.Random" resolved at run time by typing.get_type_hints
import random
import typing


def make_token(rng: "random.Random" = None) -> str:
    return "%016x" % random.getrandbits(64)


print(len(make_token()))
hints = typing.get_type_hints(make_token)
print(sorted(hints), hints["rng"].__name__)
