# shape: flagged call as an argument of str.format and of %-formatting
import random

api_key = "{:032x}".format(random.getrandbits(128))
otp = "%06d" % random.randint(0, 999999)
print(len(api_key), len(otp), otp.isdigit())
