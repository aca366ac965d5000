# shape: `from random import Random, choice` with Random only in a string annotation
import typing
from random import Random, choice


def make_password(rng: "Random" = None) -> str:
    return "".join(choice("abcdef") for _ in range(10))


print(len(make_password()))
print(sorted(typing.get_type_hints(make_password)))
