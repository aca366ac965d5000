# shape: parenthesised callees: (random.choice)(s) and (random).choice(s)
import random

token = (random.choice)("abc") + (random).choice("xyz")
print(len(token), token[0] in "abc", token[1] in "xyz")
