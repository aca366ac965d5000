# shape: two flagged calls on one line, and a folded randint next to a choice
import random

password = random.choice("ABC") + random.choice("xyz") + str(random.randint(10, 99))
print(len(password), password[0] in "ABC", password[1] in "xyz", password[2:].isdigit())
