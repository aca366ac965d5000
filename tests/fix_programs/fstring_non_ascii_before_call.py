# shape: non-ASCII literal text before the flagged calls inside one f-string
import random

password = f"é{random.choice('ab')}ü{random.choice('cd')}€"
print(len(password), password[0], password[2], password[-1])
