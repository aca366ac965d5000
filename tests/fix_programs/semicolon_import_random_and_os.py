# shape: `import os; import random` on one line, flagged call on a later line
import os; import random
token = "%016x" % random.getrandbits(64)
print(len(token), os.sep in ("/", "\\"))
