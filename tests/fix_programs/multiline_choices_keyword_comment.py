# shape: multi-line random.choices call with keyword argument k= and comments
import random

password = "".join(
    random.choices(
        "abcdefghijklmnopqrstuvwxyz",  # lowercase only
        # sixteen characters
        k=16,
    )
)
print(len(password), password.islower())
