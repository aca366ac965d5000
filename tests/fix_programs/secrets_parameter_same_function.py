# shape: a parameter named `secrets` in the function holding the flagged call
import random


def make_password(secrets):
    return "".join(random.choice(secrets["alphabet"]) for _ in range(8))


print(len(make_password({"alphabet": "abc"})))
