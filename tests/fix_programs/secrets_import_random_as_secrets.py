# shape: `import random as secrets`: the random module under the name secrets
import random as secrets

token = "%016x" % secrets.getrandbits(64)
print(len(token), secrets.__name__)
