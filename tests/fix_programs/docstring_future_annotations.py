"""Token helpers: a module with a docstring and a __future__ import before `import random`."""
# shape: docstring, `from __future__ import annotations`, then `import random`
from __future__ import annotations

import random


def make_token(length: int = 16) -> str:
    return "".join(random.choice("0123456789abcdef") for _ in range(length))


print(len(make_token()), make_token.__annotations__)
