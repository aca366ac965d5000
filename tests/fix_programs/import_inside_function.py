# shape: `import random` inside the function that makes the token
def make_token():
    import random

    return "%032x" % random.getrandbits(128)


print(len(make_token()))
