# shape: flagged call among semicolon-separated statements on one line
import random

alphabet = "abcdef"; password = "".join(random.choice(alphabet) for _ in range(8)); print(len(password))
