# shape: `from __future__ import annotations` with an annotation naming random.Random
from __future__ import annotations

import random
import typing


def make_token(rng: random.Random = None) -> str:
    return "%016x" % random.getrandbits(64)


print(len(make_token()), sorted(make_token.__annotations__))
print(typing.get_type_hints(make_token, localns={"random": random}).keys() >= {"return"})
