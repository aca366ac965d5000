# shape: the program's folder holds its own secrets.py (a settings file), which `import secrets` would find
# sibling secrets.py: API_KEY = "from-the-local-settings-file"
from secrets import API_KEY
import random

password = "".join(random.choice("abcdef") for _ in range(8))
print(API_KEY, len(password))
