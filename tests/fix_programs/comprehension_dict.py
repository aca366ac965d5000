# shape: flagged call as a dict comprehension value
import random

users = ["ann", "bob", "cid"]
reset_tokens = {user: "%016x" % random.getrandbits(64) for user in users}
print(sorted(reset_tokens), sorted(len(v) for v in reset_tokens.values()))
