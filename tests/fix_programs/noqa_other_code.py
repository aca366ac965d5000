# shape: flagged call on a line with an unrelated `# noqa: E501` comment
import random

token = "%016x" % random.getrandbits(64)  # noqa: E501
print(len(token))
