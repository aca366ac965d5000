# requires: python>=3.12
# shape: PEP 701 f-string field spanning lines with a comment inside the flagged call
import random

token = f"{random.getrandbits(
    64  # bits
):016x}"
print(len(token))
