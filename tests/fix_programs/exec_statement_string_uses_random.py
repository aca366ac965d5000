# shape: a string run by exec() uses `random`, the only other use of the module
import random

api_key = "%032x" % random.getrandbits(128)
namespace = {}
exec("roll = random.randint(1, 6)", globals(), namespace)
print(len(api_key), 1 <= namespace["roll"] <= 6)
