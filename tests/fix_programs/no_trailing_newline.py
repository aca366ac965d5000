# shape: the file ends without a newline, right after the flagged call's statement
import random
password = "".join(random.choice("abcdef") for _ in range(8)); print(len(password))