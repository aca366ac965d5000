# shape: flagged call in the body of a decorated function
import functools
import random


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(*args, **kwargs)
    return wrapper


@logged
def make_token():
    return "%032x" % random.getrandbits(128)


print(len(make_token()))
