# shape: folded randint as the left operand of `*` (needs parentheses)
import random

pin = random.randint(1000, 9999) * 1
double_pin = 2 * random.randint(1000, 9999)
print(1000 <= pin <= 9999, 2000 <= double_pin <= 19998, double_pin % 2)
