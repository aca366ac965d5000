# shape: flagged call inside a generator expression nested in a set comprehension
import random

password_set = {"".join(random.choice("ABCDEF") for _ in range(6)) + str(i) for i in range(3)}
print(len(password_set), sorted(len(p) for p in password_set))
