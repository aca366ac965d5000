# shape: non-ASCII identifiers and strings around the flagged call
import random

größe = 12
passwort_alphabet = "äöüß" + "abc"
password = "".join(random.choice(passwort_alphabet) for _ in range(größe))
print("Länge:", len(password), set(password) <= set(passwort_alphabet))
