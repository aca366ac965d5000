# shape: flagged call as the argument of base64.urlsafe_b64encode(...).decode()
import base64
import random

token = base64.urlsafe_b64encode(random.randbytes(18)).decode("ascii")
print(type(token).__name__, len(token))
