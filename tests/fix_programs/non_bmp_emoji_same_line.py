# shape: characters outside the BMP (4-byte UTF-8) before the flagged calls on the same line
import random

label = "🔑🔐"; password = "🔑" + random.choice("abc") + random.choice("xyz"); print(len(label), len(password))
