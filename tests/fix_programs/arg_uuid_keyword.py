# shape: flagged call as a keyword argument: uuid.UUID(int=random.getrandbits(128))
import random
import uuid

session_id = str(uuid.UUID(int=random.getrandbits(128)))
print(len(session_id), session_id.count("-"))
