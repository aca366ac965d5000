# requires: python>=3.10
# shape: flagged call in the body of a match case with a guard
import random

command = {"action": "reset"}
match command:
    case {"action": "reset"} if len(command) == 1:
        reset_code = random.randint(100000, 999999)
        print("reset", 100000 <= reset_code <= 999999)
    case _:
        print("other")
