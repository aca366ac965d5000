# shape: flagged call in a yield expression of a generator function
import random


def nonces():
    while True:
        yield random.getrandbits(96)


gen = nonces()
nonce_list = [next(gen) for _ in range(4)]
print(len(nonce_list), all(0 <= n < 2**96 for n in nonce_list))
