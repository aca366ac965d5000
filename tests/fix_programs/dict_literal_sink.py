# shape: flagged call as a dict literal value under a secret key
import random

creds = {"user": "ann", "api_key": "%032x" % random.getrandbits(128)}
print(sorted(creds), len(creds["api_key"]))
