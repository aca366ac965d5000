# shape: error path, uncaught: random.choice(None) raises TypeError
import random

print("start")
password = random.choice(None)
