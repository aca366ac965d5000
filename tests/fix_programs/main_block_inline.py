# shape: flagged call directly inside the `if __name__ == "__main__":` block
import random

if __name__ == "__main__":
    api_key = "%032x" % random.getrandbits(128)
    print(len(api_key))
