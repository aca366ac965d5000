# shape: a flagged call as the argument of another flagged call: choice(sample(...))
import random

WORDS = ["red", "green", "blue", "black"]
password = random.choice(random.sample(WORDS, 3)) + random.choice(random.choice([["x"], ["y"]]))
print(password[:-1] in WORDS, password[-1] in "xy")
