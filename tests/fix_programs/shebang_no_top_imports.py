#!/usr/bin/env python3
# shape: shebang line and no top-level imports (random imported in a function)


def make_token():
    import random
    return "%016x" % random.getrandbits(64)


print(len(make_token()))
