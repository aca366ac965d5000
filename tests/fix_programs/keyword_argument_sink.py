# shape: flagged call as a keyword argument named for a secret: create_user(password=...)
import random


def create_user(name, password):
    return {"name": name, "password_length": len(password)}


print(create_user("ann", password="".join(random.choice("abcdefgh") for _ in range(12))))
