# shape: flagged call inside a list comprehension
import random

recovery_codes = ["%08d" % random.randrange(10**8) for _ in range(5)]
print(len(recovery_codes), [len(c) for c in recovery_codes])
