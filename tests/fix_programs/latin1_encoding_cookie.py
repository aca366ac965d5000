# shape: a latin-1 file with an encoding cookie and non-ASCII bytes
# -*- coding: latin-1 -*-
import random

label = "mot de passe é"
password = "".join(random.choice("abcdé") for _ in range(8))
print(len(label), len(password))
