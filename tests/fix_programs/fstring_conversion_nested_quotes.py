# shape: f-string with !r conversion and a list literal with nested quotes inside the call
import random

password = f"{random.choice(['ab', 'cd'])!r}"
print(len(password), password[0], password[-1])
