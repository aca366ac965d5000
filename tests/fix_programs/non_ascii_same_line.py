# shape: non-ASCII text before the flagged call on the same line
import random

label = "clé"; password = "é" + "".join(random.choice("àbcdé") for _ in range(6)); otp = random.randint(1000, 9999)
print(label, len(password), password[0], 1000 <= otp <= 9999)
