# shape: a helper named for a secret used as a dataclass field default_factory
import random
from dataclasses import dataclass, field


def new_session_id():
    return "%032x" % random.getrandbits(128)


@dataclass
class Session:
    user: str
    session_id: str = field(default_factory=new_session_id)


s = Session("bob")
print(s.user, len(s.session_id))
