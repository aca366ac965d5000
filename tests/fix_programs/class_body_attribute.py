# shape: flagged call in a class body (class attribute)
import random
import string


class Settings:
    SECRET_KEY = "".join(random.choice(string.ascii_letters + string.digits) for _ in range(50))
    DEBUG = False


print(len(Settings.SECRET_KEY), Settings.DEBUG)
