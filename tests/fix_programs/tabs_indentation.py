# shape: tab-indented function and class bodies
import random


class Vault:
	def new_password(self):
		if True:
			return "".join(random.choice("abcdef") for _ in range(9))


def make_otp():
	return random.randint(100000, 999999)


print(len(Vault().new_password()), 100000 <= make_otp() <= 999999)
