# shape: folded randint under unary minus and invert
import random

nonce = -random.randint(1, 9)
nonce_inverted = ~random.randint(1, 9)
print(-9 <= nonce <= -1, -10 <= nonce_inverted <= -2)
