# shape: flagged call under a star in a list display
import random

token_parts = [*random.sample("abcdefgh", 4), "x"]
token = "".join(token_parts)
print(len(token), token[-1])
