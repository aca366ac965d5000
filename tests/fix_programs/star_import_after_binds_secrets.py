# shape: a star import of a settings module that defines `secrets`, after the stdlib imports
# sibling local_settings.py: secrets = {"db": "pw"}; DEBUG = True
import string
import random
from local_settings import *

password = "".join(random.choice(string.ascii_letters) for _ in range(8))
print(DEBUG, len(password))
