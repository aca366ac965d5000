"""Everyday `random`: games, sampling, jitter, test data. None of this is a secret, nothing is flagged.

bandit (B311) and ruff (S311) report every call below; secure-random reports none.
"""
import random
import time


def roll_dice(sides=6):
    return random.randint(1, sides)


def retry(call, attempts=5):
    for attempt in range(attempts):
        try:
            return call()
        except ConnectionError:
            time.sleep(2 ** attempt + random.uniform(0, 1))  # jitter
    raise TimeoutError


def split(rows, ratio=0.8, seed=42):
    rng = random.Random(seed)  # reproducible on purpose
    rows = list(rows)
    rng.shuffle(rows)
    cut = int(len(rows) * ratio)
    return rows[:cut], rows[cut:]


def pick_server(servers):
    return random.choice(servers)


def random_color():
    return "#%06x" % random.randrange(0x1000000)


def cache_key(user_id):
    key = random.choice(["a", "b"]) + str(user_id)  # a dict key, not a crypto key
    return key
