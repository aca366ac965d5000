# shape: README example: "".join(random.choice(alphabet) for _ in range(16))
import random
import string

alphabet = string.ascii_letters + string.digits
password = "".join(random.choice(alphabet) for _ in range(16))
print(len(password), set(password) <= set(alphabet))
