# requires: python>=3.12
# shape: PEP 701 f-string reusing its own quotes inside the field: f"{random.choice("ab")}"
import random

password = f"{random.choice("ab")}{"".join(random.sample("cdef", 2))}"
print(len(password), password[0] in "ab")
