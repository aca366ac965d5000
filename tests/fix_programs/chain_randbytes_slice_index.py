# shape: indexing and slicing the result: random.randbytes(32)[:16], random.randbytes(4)[0]
import random

salt = random.randbytes(32)[:16]
first_byte_of_salt = random.randbytes(4)[0]
print(type(salt).__name__, len(salt), type(first_byte_of_salt).__name__, 0 <= first_byte_of_salt < 256)
